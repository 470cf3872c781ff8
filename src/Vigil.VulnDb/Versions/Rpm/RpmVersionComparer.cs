namespace Vigil.VulnDb.Versions.Rpm;

/// <summary>The <see cref="IVersionComparer"/> for RPM-based distributions (Red Hat, Rocky, Alma, SUSE…).</summary>
public sealed class RpmVersionComparer : VersionComparer<RpmVersion>
{
    private RpmVersionComparer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static RpmVersionComparer Instance { get; } = new();
}
