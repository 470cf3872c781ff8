namespace Vigil.Gates.Policy;

/// <summary>Why a finding did not block.</summary>
public enum NonBlockingReason
{
    /// <summary>Its severity is within <see cref="GatePolicy.MaxSeverity"/> (or unknown).</summary>
    BelowThreshold = 0,

    /// <summary>Its id is in the policy's allow list.</summary>
    Allowed = 1,

    /// <summary>No fix is published and the policy ignores unfixed findings.</summary>
    Unfixed = 2,

    /// <summary>Its advisory was published within the grace period.</summary>
    InGracePeriod = 3,

    /// <summary>The workload or image is exempted.</summary>
    Exempted = 4,
}
