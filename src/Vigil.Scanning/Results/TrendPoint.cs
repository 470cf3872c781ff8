namespace Vigil.Scanning.Results;

/// <summary>Finding counts at one recorded snapshot.</summary>
/// <param name="At">When the snapshot was taken.</param>
/// <param name="Counts">Findings per severity in the chosen scope at that time.</param>
public sealed record TrendPoint(DateTimeOffset At, SeverityCounts Counts);
