namespace Vigil.VulnDb.Versions.Maven;

/// <summary>The <see cref="IVersionComparer"/> for Maven artifacts.</summary>
public sealed class MavenVersionComparer : VersionComparer<MavenVersion>
{
    private MavenVersionComparer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static MavenVersionComparer Instance { get; } = new();
}
