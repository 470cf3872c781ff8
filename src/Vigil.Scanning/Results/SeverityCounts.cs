using Vigil.Core;

namespace Vigil.Scanning.Results;

/// <summary>How many findings there are of each severity, and how many of them have a fix.</summary>
/// <param name="Critical">Critical findings.</param>
/// <param name="High">High findings.</param>
/// <param name="Medium">Medium findings.</param>
/// <param name="Low">Low findings.</param>
/// <param name="Unknown">Findings without a rating.</param>
/// <param name="Fixable">Findings (of any severity) with a fixed version.</param>
public sealed record SeverityCounts(long Critical, long High, long Medium, long Low, long Unknown, long Fixable)
{
    /// <summary>No findings.</summary>
    public static SeverityCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>All findings.</summary>
    public long Total => Critical + High + Medium + Low + Unknown;

    /// <summary>Findings without a published fix.</summary>
    public long Unfixable => Total - Fixable;

    /// <summary>The count for one severity.</summary>
    public long this[Severity severity] => severity switch
    {
        Severity.Critical => Critical,
        Severity.High => High,
        Severity.Medium => Medium,
        Severity.Low => Low,
        _ => Unknown,
    };

    /// <summary>The worst severity with at least one finding, or null when there are none.</summary>
    public Severity? Worst =>
        Critical > 0 ? Severity.Critical :
        High > 0 ? Severity.High :
        Medium > 0 ? Severity.Medium :
        Low > 0 ? Severity.Low :
        Unknown > 0 ? Severity.Unknown : null;
}
