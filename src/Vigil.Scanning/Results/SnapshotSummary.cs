namespace Vigil.Scanning.Results;

/// <summary>What a recorded snapshot holds.</summary>
/// <param name="TakenAt">When it was taken.</param>
/// <param name="Workloads">Workload rows written.</param>
/// <param name="Counts">Totals across them.</param>
public sealed record SnapshotSummary(DateTimeOffset TakenAt, int Workloads, SeverityCounts Counts);
