namespace Vigil.Scanning.Results;

/// <summary>A workload as the controller last saw it.</summary>
/// <param name="Key">Which workload.</param>
/// <param name="Labels">Its labels (may be empty).</param>
public sealed record Workload(WorkloadKey Key, IReadOnlyDictionary<string, string> Labels);
