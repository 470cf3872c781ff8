using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Vigil.Kubernetes.Entities;

/// <summary>The opt-in workload actions of a <see cref="VigilPolicySpec"/>.</summary>
public sealed class VigilPolicyActionsSpec
{
    /// <summary>The actions to take: <c>annotate</c>, <c>label</c>, <c>scaleToZero</c>, <c>deletePods</c>.</summary>
    [JsonPropertyName("enable")]
    [Description("The actions to take on a violating workload: annotate, label, scaleToZero, deletePods. Empty: none.")]
    public List<string>? Enable { get; set; }

    /// <summary>Only record what would be done.</summary>
    [JsonPropertyName("dryRun")]
    [Description("Only record (as an Event) what would be done. Default true.")]
    public bool? DryRun { get; set; }

    /// <summary>Namespaces never acted on.</summary>
    [JsonPropertyName("protectedNamespaces")]
    [Description("Namespaces never acted on. Default [kube-system].")]
    public List<string>? ProtectedNamespaces { get; set; }
}
