namespace Vigil.VulnDb.Versions.Pep440;

/// <summary>The <see cref="IVersionComparer"/> for PyPI (PEP 440).</summary>
public sealed class Pep440VersionComparer : VersionComparer<Pep440Version>
{
    private Pep440VersionComparer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static Pep440VersionComparer Instance { get; } = new();
}
