namespace Vigil.Gates.Actions;

/// <summary>Safety settings of workload actions: dry run unless switched off; protected namespaces are never touched.</summary>
public sealed class WorkloadActionOptions
{
    /// <summary>Only record what would be done (default true).</summary>
    public bool DryRun { get; set; } = true;

    /// <summary>Namespaces never acted on (default kube-system).</summary>
    public IList<string> ProtectedNamespaces { get; init; } = ["kube-system"];

    /// <summary>The annotation written by <see cref="WorkloadActionKind.Annotate"/>.</summary>
    public string AnnotationKey { get; set; } = "vigil.dev/vulnerabilities";

    /// <summary>The label written by <see cref="WorkloadActionKind.Label"/>.</summary>
    public string LabelKey { get; set; } = "vigil.dev/quarantined";

    /// <summary>The annotation holding the replica count before <see cref="WorkloadActionKind.ScaleToZero"/>.</summary>
    public string ScaledFromKey { get; set; } = "vigil.dev/scaled-from-replicas";
}
