namespace Vigil.Gates.Policy;

/// <summary>The grace period in a <see cref="VigilPolicySpec"/>.</summary>
public sealed class VigilPolicyGracePeriodSpec
{
    /// <summary>Duration (<c>72h</c>).</summary>
    public string? Duration { get; set; }

    /// <summary>Severity at or above which findings block even inside the grace period.</summary>
    public string? StillBlock { get; set; }
}
