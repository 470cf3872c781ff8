using System.ComponentModel;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Vigil.Kubernetes.Entities;

/// <summary>
/// The <c>VigilPolicy</c> custom resource (<c>vigil.dev/v1alpha1</c>, cluster-scoped): a gate policy kept in the cluster.
/// Its spec has the same keys as a policy file and is validated by the same parser when a gate loads it.
/// </summary>
[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = KindText, PluralName = Plural)]
[Description("A Vigil policy: what the admission gate lets run and what the controller does to vulnerable workloads. The spec has the keys of a policy file.")]
public sealed class V1Alpha1VigilPolicy : IKubernetesObject<V1ObjectMeta>, ISpec<VigilPolicySpec>
{
    /// <summary>The API group.</summary>
    public const string Group = "vigil.dev";

    /// <summary>The API version within the group.</summary>
    public const string Version = "v1alpha1";

    /// <summary>The kind.</summary>
    public const string KindText = "VigilPolicy";

    /// <summary>The plural resource name.</summary>
    public const string Plural = "vigilpolicies";

    /// <summary><c>vigil.dev/v1alpha1</c>.</summary>
    public const string ApiVersionText = Group + "/" + Version;

    /// <inheritdoc/>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiVersionText;

    /// <inheritdoc/>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindText;

    /// <inheritdoc/>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <inheritdoc/>
    [JsonPropertyName("spec")]
    [Description("The policy, with the keys of a policy file (mode, maxSeverity, ignoreUnfixed, allow, gracePeriod, maxReportAge, exemptions, unknownImage, actions).")]
    public VigilPolicySpec Spec { get; set; } = new();
}
