namespace Vigil.VulnDb.Versions.Dpkg;

/// <summary>The <see cref="IVersionComparer"/> for Debian and Ubuntu package versions.</summary>
public sealed class DebianVersionComparer : VersionComparer<DebianVersion>
{
    private DebianVersionComparer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static DebianVersionComparer Instance { get; } = new();
}
