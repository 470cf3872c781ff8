namespace Vigil.VulnDb.Osv;

/// <summary>A link from an OSV record.</summary>
public sealed record OsvReference
{
    /// <summary>The kind of link (<c>ADVISORY</c>, <c>FIX</c>, <c>WEB</c>…).</summary>
    public string? Type { get; init; }

    /// <summary>The address.</summary>
    public string Url { get; init; } = string.Empty;
}
