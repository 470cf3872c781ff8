using System.Text.Json.Serialization;
using k8s.Models;
using Vigil.Kubernetes.Entities;

namespace Vigil.Gates.Policy;

/// <summary>The list of <see cref="V1Alpha1VigilPolicy"/> objects the API server returns.</summary>
internal sealed class VigilPolicyList
{
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public List<V1Alpha1VigilPolicy> Items { get; set; } = [];
}
