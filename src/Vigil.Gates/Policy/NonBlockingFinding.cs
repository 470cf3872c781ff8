using Vigil.Core;

namespace Vigil.Gates.Policy;

/// <summary>A finding that did not block, and why.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Reason">The kind of reason.</param>
/// <param name="Explanation">The reason for people (<c>allowed until 2026-12-31: not reachable</c>).</param>
public sealed record NonBlockingFinding(Finding Finding, NonBlockingReason Reason, string Explanation);
