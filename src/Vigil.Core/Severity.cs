namespace Vigil.Core;

/// <summary>How bad a vulnerability is, in the common four-level scale; ordered so that a larger value is worse.</summary>
public enum Severity
{
    /// <summary>No rating could be found or computed.</summary>
    Unknown = 0,

    /// <summary>Low (CVSS 0.1–3.9).</summary>
    Low = 1,

    /// <summary>Medium, also called moderate (CVSS 4.0–6.9).</summary>
    Medium = 2,

    /// <summary>High (CVSS 7.0–8.9).</summary>
    High = 3,

    /// <summary>Critical (CVSS 9.0–10.0).</summary>
    Critical = 4,
}
