namespace Vigil.Gates.Actions;

/// <summary>A workload in the cluster: <c>Deployment</c>, <c>StatefulSet</c>, <c>DaemonSet</c> or <c>Pod</c>.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Namespace">The namespace.</param>
/// <param name="Name">The name.</param>
public sealed record WorkloadReference(string Kind, string Namespace, string Name)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Namespace}/{Kind}/{Name}";
}
