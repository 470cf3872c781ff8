namespace Vigil.VulnDb.Osv;

/// <summary>A severity entry: <c>CVSS_V2</c>, <c>CVSS_V3</c>, <c>CVSS_V4</c> vector, or a distribution's word (<c>Ubuntu</c>).</summary>
public sealed record OsvSeverity
{
    /// <summary>The kind of score.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>The vector or word.</summary>
    public string Score { get; init; } = string.Empty;
}
