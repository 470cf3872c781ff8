using Vigil.Gates.Policy;

namespace Vigil.Gates.Admission;

/// <summary>The gate's answer to one admission request.</summary>
/// <param name="Allowed">Whether the object is admitted.</param>
/// <param name="Message">The denial message (every blocking id and its fixed version), or null when allowed.</param>
/// <param name="Warnings">Warnings shown to the client (audit mode, grace period, unknown images allowed).</param>
/// <param name="Verdicts">One verdict per distinct image.</param>
public sealed record AdmissionOutcome(bool Allowed, string? Message, IReadOnlyList<string> Warnings, IReadOnlyList<Verdict> Verdicts);
