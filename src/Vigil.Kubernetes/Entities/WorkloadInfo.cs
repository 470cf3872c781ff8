using System.Text.Json.Serialization;

namespace Vigil.Kubernetes.Entities;

/// <summary>The workload a report belongs to.</summary>
public sealed class WorkloadInfo
{
    /// <summary>Its apiVersion.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = string.Empty;

    /// <summary>Its kind.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = string.Empty;

    /// <summary>Its name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Its uid.</summary>
    [JsonPropertyName("uid")]
    public string Uid { get; set; } = string.Empty;
}
