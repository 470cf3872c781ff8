using Vigil.Gates.Abstractions;
using Vigil.Gates.Policy;

namespace Vigil.Gates.Quarantine;

/// <summary>The part of a verdict the queue keeps, so that an action interrupted by a restart needs no new scan.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Summary">The verdict text (<see cref="Verdict.Describe"/>).</param>
/// <param name="Blocking">The blocking findings.</param>
public sealed record StoredVerdict(VerdictDecision Decision, string Summary, IReadOnlyList<FindingSummary> Blocking)
{
    /// <summary>Keeps what matters of <paramref name="verdict"/>.</summary>
    public static StoredVerdict From(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new StoredVerdict(verdict.Decision, verdict.Describe(), [.. verdict.Blocking.Select(b => FindingSummary.From(b.Finding))]);
    }
}
