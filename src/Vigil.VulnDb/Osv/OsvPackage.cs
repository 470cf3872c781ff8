namespace Vigil.VulnDb.Osv;

/// <summary>The package an OSV <c>affected</c> entry is about.</summary>
public sealed record OsvPackage
{
    /// <summary>The OSV ecosystem string (<c>PyPI</c>, <c>Debian:12</c>).</summary>
    public string Ecosystem { get; init; } = string.Empty;

    /// <summary>The package name as the ecosystem writes it.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The package URL, when given.</summary>
    public string? Purl { get; init; }
}
