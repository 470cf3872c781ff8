namespace Vigil.Gates.Policy;

/// <summary>The outcome of a policy evaluation.</summary>
public enum VerdictDecision
{
    /// <summary>Nothing blocks and nothing needs saying.</summary>
    Allowed = 0,

    /// <summary>Let through, with warnings (audit mode, grace period, exemption, unknown image allowed).</summary>
    Warned = 1,

    /// <summary>Blocked.</summary>
    Denied = 2,
}
