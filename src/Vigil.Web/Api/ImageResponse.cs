using Vigil.Scanning.Results;

namespace Vigil.Web.Api;

/// <summary>GET <c>/api/v1/images/{digest}</c>: one image, where it runs, and its findings.</summary>
/// <param name="Image">The image, its scan and where it runs.</param>
/// <param name="Findings">Its findings, worst first.</param>
public sealed record ImageResponse(ImageDetail Image, IReadOnlyList<StoredFinding> Findings);
