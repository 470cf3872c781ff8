namespace Vigil.VulnDb.Versions.RubyGems;

/// <summary>The <see cref="IVersionComparer"/> for RubyGems.</summary>
public sealed class RubyGemsVersionComparer : VersionComparer<RubyGemsVersion>
{
    private RubyGemsVersionComparer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static RubyGemsVersionComparer Instance { get; } = new();
}
