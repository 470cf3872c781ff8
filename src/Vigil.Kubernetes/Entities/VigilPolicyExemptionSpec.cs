using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Vigil.Kubernetes.Entities;

/// <summary>One exemption in a <see cref="VigilPolicySpec"/>.</summary>
public sealed class VigilPolicyExemptionSpec
{
    /// <summary>Namespace glob.</summary>
    [JsonPropertyName("namespace")]
    [Description("Namespace glob (team-*).")]
    public string? Namespace { get; set; }

    /// <summary>Labels that must all match.</summary>
    [JsonPropertyName("labels")]
    [Description("Labels that must all match.")]
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>Image glob.</summary>
    [JsonPropertyName("image")]
    [Description("Image glob (registry.example.com/legacy/*).")]
    public string? Image { get; set; }

    /// <summary>Why.</summary>
    [JsonPropertyName("reason")]
    [Description("Why the workloads are exempt.")]
    public string? Reason { get; set; }

    /// <summary>Expiry date.</summary>
    [JsonPropertyName("expires")]
    [Description("Valid through this date (2026-12-31).")]
    public string? Expires { get; set; }
}
