using Vigil.Core;
using Vigil.Gates.Abstractions;

namespace Vigil.Gates.Notifications;

/// <summary>Something people should hear about: an image held back, a workload running new vulnerabilities.</summary>
/// <param name="Kind">What happened: <see cref="ImageHeld"/>, <see cref="WorkloadVulnerable"/> or <see cref="ImagePromoted"/>.</param>
/// <param name="Subject">What it is about: <c>namespace/Deployment/name</c> for a workload, the image reference for a push.</param>
/// <param name="Image">The image reference.</param>
/// <param name="Findings">The findings to tell about (blocking ones for a held image).</param>
/// <param name="Summary">One readable paragraph (the verdict text).</param>
public sealed record GateNotification(string Kind, string Subject, string Image, IReadOnlyList<FindingSummary> Findings, string Summary)
{
    /// <summary>An image pushed to a registry did not pass the policy and was not promoted.</summary>
    public const string ImageHeld = "image.held";

    /// <summary>A running workload has vulnerabilities not reported before.</summary>
    public const string WorkloadVulnerable = "workload.vulnerable";

    /// <summary>An image passed the policy and was promoted or released.</summary>
    public const string ImagePromoted = "image.promoted";

    /// <summary>The manifest digest, when known.</summary>
    public Digest? Digest { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>A stable id for de-duplication and CloudEvents <c>id</c>.</summary>
    public string Id => $"{Kind}:{Subject}:{Digest}:{string.Join(',', Findings.Select(f => f.Id).Order(StringComparer.Ordinal))}";
}
