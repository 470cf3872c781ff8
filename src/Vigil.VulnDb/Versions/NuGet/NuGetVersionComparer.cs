namespace Vigil.VulnDb.Versions.NuGet;

/// <summary>The <see cref="IVersionComparer"/> for NuGet packages.</summary>
public sealed class NuGetVersionComparer : VersionComparer<NuGetVersion>
{
    private NuGetVersionComparer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static NuGetVersionComparer Instance { get; } = new();
}
