namespace Vigil.Gates.Admission;

/// <summary>One container of a pod spec and the image it runs.</summary>
/// <param name="Container">The container name.</param>
/// <param name="Image">The image reference as written.</param>
/// <param name="Kind"><c>containers</c>, <c>initContainers</c> or <c>ephemeralContainers</c>.</param>
public sealed record ContainerImage(string Container, string Image, string Kind);
