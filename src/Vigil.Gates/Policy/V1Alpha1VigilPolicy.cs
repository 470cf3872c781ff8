using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Vigil.Gates.Policy;

/// <summary>
/// The <c>VigilPolicy</c> custom resource (<c>vigil.dev/v1alpha1</c>): a gate policy kept in the cluster. Its spec has
/// the same keys as a policy file.
/// </summary>
[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = KindText, PluralName = Plural)]
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
    public VigilPolicySpec Spec { get; set; } = new();

    /// <summary>Validates the spec into a policy, with the same rules and messages as a policy file.</summary>
    public PolicyParseResult ToPolicy()
    {
        // JSON is YAML: one parser, one set of rules and error messages for files and resources.
        var json = JsonSerializer.Serialize(Spec, VigilPolicySpec.SerializerOptions);
        return PolicyParser.Parse(json);
    }
}
