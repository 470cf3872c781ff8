using Vigil.Core;

namespace Vigil.Kubernetes.Abstractions;

/// <summary>The full result for one image: inventory and every finding, as kept by an <see cref="IReportStore"/>.</summary>
/// <param name="Key">Digest and platform.</param>
/// <param name="ImageReference">The reference it was pulled by.</param>
/// <param name="Inventory">The packages.</param>
/// <param name="Findings">All findings (filters from pod annotations apply later, per workload).</param>
/// <param name="DatabaseVersion">The database version the findings come from.</param>
/// <param name="ScannedAt">When the image was inventoried.</param>
/// <param name="MatchedAt">When the findings were last computed (scan or re-match).</param>
public sealed record StoredImageReport(
    ImageKey Key,
    string ImageReference,
    Inventory Inventory,
    IReadOnlyList<Finding> Findings,
    string DatabaseVersion,
    DateTimeOffset ScannedAt,
    DateTimeOffset MatchedAt);
