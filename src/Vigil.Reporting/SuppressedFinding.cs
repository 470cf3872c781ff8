using Vigil.Core;

namespace Vigil.Reporting;

/// <summary>A finding that a filter removed from the report's findings, kept with the reason so the report stays auditable.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Suppression">Why it was suppressed (the first filter that matched, in <see cref="Filtering.FindingFilter"/>'s order).</param>
public sealed record SuppressedFinding(Finding Finding, Suppression Suppression);
