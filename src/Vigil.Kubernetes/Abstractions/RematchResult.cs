using Vigil.Core;

namespace Vigil.Kubernetes.Abstractions;

/// <summary>The findings of a re-match and the database version they come from.</summary>
/// <param name="Findings">Every finding for the inventory.</param>
/// <param name="DatabaseVersion">The version that was used (it may be newer than the one that triggered the re-match).</param>
public sealed record RematchResult(IReadOnlyList<Finding> Findings, string DatabaseVersion);
