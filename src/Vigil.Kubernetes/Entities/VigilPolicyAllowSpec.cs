using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Vigil.Kubernetes.Entities;

/// <summary>One accepted id in a <see cref="VigilPolicySpec"/>.</summary>
public sealed class VigilPolicyAllowSpec
{
    /// <summary>The vulnerability id.</summary>
    [JsonPropertyName("id")]
    [Description("The vulnerability id (CVE-…, GHSA-…).")]
    public string? Id { get; set; }

    /// <summary>Only in this package.</summary>
    [JsonPropertyName("package")]
    [Description("Only in this package.")]
    public string? Package { get; set; }

    /// <summary>Why it is accepted.</summary>
    [JsonPropertyName("reason")]
    [Description("Why it is accepted.")]
    public string? Reason { get; set; }

    /// <summary>Expiry date (<c>2026-12-31</c>).</summary>
    [JsonPropertyName("expires")]
    [Description("Valid through this date (2026-12-31) or until this instant (2026-12-31T18:00:00Z).")]
    public string? Expires { get; set; }
}
