namespace Vigil.Kubernetes.Abstractions;

/// <summary>One container of a workload and the image it runs, for the results store.</summary>
/// <param name="Container">The container name.</param>
/// <param name="ContainerType"><c>container</c>, <c>initContainer</c> or <c>ephemeralContainer</c>.</param>
/// <param name="Repository">The image repository (<c>docker.io/library/nginx</c>).</param>
/// <param name="Image">The image by digest and platform.</param>
public sealed record WorkloadImage(string Container, string ContainerType, string Repository, ImageKey Image);
