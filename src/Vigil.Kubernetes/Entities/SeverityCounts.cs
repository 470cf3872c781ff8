using System.Text.Json.Serialization;

namespace Vigil.Kubernetes.Entities;

/// <summary>Counts of findings per severity.</summary>
public sealed class SeverityCounts
{
    /// <summary>Critical findings.</summary>
    [JsonPropertyName("critical")]
    public int Critical { get; set; }

    /// <summary>High findings.</summary>
    [JsonPropertyName("high")]
    public int High { get; set; }

    /// <summary>Medium findings.</summary>
    [JsonPropertyName("medium")]
    public int Medium { get; set; }

    /// <summary>Low findings.</summary>
    [JsonPropertyName("low")]
    public int Low { get; set; }

    /// <summary>Findings without a rating.</summary>
    [JsonPropertyName("unknown")]
    public int Unknown { get; set; }

    /// <summary>All findings.</summary>
    [JsonPropertyName("total")]
    public int Total { get; set; }
}
