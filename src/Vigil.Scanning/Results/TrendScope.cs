namespace Vigil.Scanning.Results;

/// <summary>Which part of the estate a trend series covers; all null is everything.</summary>
/// <param name="Cluster">Only this cluster.</param>
/// <param name="Namespace">Only this namespace.</param>
/// <param name="Workload">Only this workload (its cluster and namespace win over the other two).</param>
public sealed record TrendScope(string? Cluster = null, string? Namespace = null, WorkloadKey? Workload = null)
{
    /// <summary>The whole estate.</summary>
    public static TrendScope All { get; } = new();
}
