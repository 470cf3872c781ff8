using Vigil.Core;

namespace Vigil.Kubernetes.Abstractions;

/// <summary>The full result for one image as kept by an <see cref="IReportStore"/>: every finding, no inventory.</summary>
/// <param name="Key">Digest and platform.</param>
/// <param name="ImageReference">The reference it was pulled by.</param>
/// <param name="PackageCount">How many packages the inventory holds (the inventory itself is read with <see cref="IReportStore.GetInventoryAsync"/>).</param>
/// <param name="Findings">All findings (filters from pod annotations apply later, per workload).</param>
/// <param name="DatabaseVersion">The database version the findings come from.</param>
/// <param name="ScannedAt">When the image was inventoried.</param>
/// <param name="MatchedAt">When the findings were last computed (scan or re-match).</param>
public sealed record StoredImageReport(
    ImageKey Key,
    string ImageReference,
    int PackageCount,
    IReadOnlyList<Finding> Findings,
    string DatabaseVersion,
    DateTimeOffset ScannedAt,
    DateTimeOffset MatchedAt);
