namespace Vigil.Scanning.Results;

/// <summary>Identifies one workload: a Deployment, StatefulSet, DaemonSet, CronJob, Job or bare Pod in one cluster.</summary>
/// <param name="Cluster">The cluster name as configured (<c>default</c> when only one cluster is watched).</param>
/// <param name="Namespace">The Kubernetes namespace.</param>
/// <param name="Kind">The owning kind, as Kubernetes writes it (<c>Deployment</c>).</param>
/// <param name="Name">The workload's name.</param>
public sealed record WorkloadKey(string Cluster, string Namespace, string Kind, string Name)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Cluster}/{Namespace}/{Kind}/{Name}";
}
