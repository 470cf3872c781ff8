using Vigil.Core;

namespace Vigil.Kubernetes.Cluster;

/// <summary>Settings of <c>vigil cluster scan</c>.</summary>
public sealed class ClusterScanOptions
{
    /// <summary>Namespaces to scan; empty: all.</summary>
    public IList<string> Namespaces { get; } = [];

    /// <summary>Images scanned at once. Default 4.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Severities counted; empty: all.</summary>
    public ISet<Severity> Severities { get; } = new HashSet<Severity>();
}
