using Vigil.Core;

namespace Vigil.VulnDb.Cvss;

/// <summary>A computed CVSS base score.</summary>
/// <param name="Version">The CVSS version (<c>2.0</c>, <c>3.0</c>, <c>3.1</c>, <c>4.0</c>).</param>
/// <param name="BaseScore">The base score, 0.0–10.0, one decimal.</param>
/// <param name="Vector">The vector it was computed from.</param>
public sealed record CvssScore(string Version, double BaseScore, string Vector)
{
    /// <summary>The qualitative rating (v2 has none of its own; the v3 scale is used for it as NVD does).</summary>
    public Severity Severity => Version == "2.0"
        ? BaseScore switch { >= 7.0 => Severity.High, >= 4.0 => Severity.Medium, > 0 => Severity.Low, _ => Severity.Unknown }
        : SeverityExtensions.FromCvssScore(BaseScore);
}
