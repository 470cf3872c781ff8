using Vigil.Kubernetes.Images;

namespace Vigil.Kubernetes.Controllers;

/// <summary>One container of one pod running one image, as the controller tracks it.</summary>
/// <param name="Report">The report it feeds.</param>
/// <param name="Image">The image by digest.</param>
/// <param name="Annotations">The pod's annotations.</param>
internal sealed record ContainerUsage(ReportKey Report, ContainerImage Image, PodAnnotations Annotations);
