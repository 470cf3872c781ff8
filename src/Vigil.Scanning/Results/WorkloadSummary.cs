namespace Vigil.Scanning.Results;

/// <summary>A workload with the findings of its images summed (each distinct image digest once).</summary>
/// <param name="Key">Which workload.</param>
/// <param name="Counts">Findings per severity.</param>
/// <param name="Images">Distinct image digests it runs.</param>
/// <param name="ScannedImages">How many of them have findings stored.</param>
public sealed record WorkloadSummary(WorkloadKey Key, SeverityCounts Counts, int Images, int ScannedImages);
