using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Vigil.Kubernetes.Entities;

/// <summary>The grace period in a <see cref="VigilPolicySpec"/>.</summary>
public sealed class VigilPolicyGracePeriodSpec
{
    /// <summary>Duration (<c>72h</c>).</summary>
    [JsonPropertyName("duration")]
    [Description("How long after publication an advisory does not block (72h).")]
    public string? Duration { get; set; }

    /// <summary>Severity at or above which findings block even inside the grace period.</summary>
    [JsonPropertyName("stillBlock")]
    [Description("Severity at or above which findings block even inside the grace period.")]
    public string? StillBlock { get; set; }
}
