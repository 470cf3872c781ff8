namespace Vigil.Kubernetes.Owners;

/// <summary>The top controller of a pod (a Deployment, CronJob, StatefulSet, any custom resource), or the pod itself.</summary>
/// <param name="ApiVersion">The workload's apiVersion, such as <c>apps/v1</c>.</param>
/// <param name="Kind">Its kind, such as <c>Deployment</c>.</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="Uid">Its uid, for owner references.</param>
public sealed record WorkloadReference(string ApiVersion, string Kind, string Namespace, string Name, string Uid)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind}/{Namespace}/{Name}";
}
