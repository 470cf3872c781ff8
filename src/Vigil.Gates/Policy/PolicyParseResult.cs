using System.Diagnostics.CodeAnalysis;

namespace Vigil.Gates.Policy;

/// <summary>The outcome of parsing a policy: the policy, or every error found (never both).</summary>
public sealed class PolicyParseResult
{
    private PolicyParseResult(GatePolicy? policy, IReadOnlyList<PolicyError> errors)
    {
        Policy = policy;
        Errors = errors;
    }

    /// <summary>The policy when <see cref="Success"/>.</summary>
    public GatePolicy? Policy { get; }

    /// <summary>All errors, in document order; empty on success.</summary>
    public IReadOnlyList<PolicyError> Errors { get; }

    /// <summary>Whether the document is a valid policy.</summary>
    [MemberNotNullWhen(true, nameof(Policy))]
    public bool Success => Policy is not null;

    /// <summary>The policy, or an exception listing every error.</summary>
    public GatePolicy GetPolicyOrThrow(string source) =>
        Policy ?? throw new PolicyValidationException(source, Errors);

    internal static PolicyParseResult Ok(GatePolicy policy) => new(policy, []);

    internal static PolicyParseResult Failed(IReadOnlyList<PolicyError> errors) => new(null, errors);
}
