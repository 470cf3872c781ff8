using System.Text.Json.Serialization;

namespace Vigil.Kubernetes.Entities;

/// <summary>One of the worst findings of a report.</summary>
public sealed class TopFinding
{
    /// <summary>The vulnerability id (CVE first).</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN.</summary>
    [JsonPropertyName("severity")]
    public string Severity { get; set; } = string.Empty;

    /// <summary>The affected package.</summary>
    [JsonPropertyName("package")]
    public string Package { get; set; } = string.Empty;

    /// <summary>The installed version.</summary>
    [JsonPropertyName("installedVersion")]
    public string InstalledVersion { get; set; } = string.Empty;

    /// <summary>The lowest fixed version, if any.</summary>
    [JsonPropertyName("fixedVersion")]
    public string? FixedVersion { get; set; }

    /// <summary>One line for people.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }
}
