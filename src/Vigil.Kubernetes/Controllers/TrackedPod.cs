namespace Vigil.Kubernetes.Controllers;

/// <summary>What the controller remembers of a pod: its containers and how to find its pull credentials.</summary>
internal sealed record TrackedPod(string Namespace, string Name, string? Node, IReadOnlyList<ContainerUsage> Usages, IReadOnlyList<string> PullSecretNames, string? ServiceAccount);
