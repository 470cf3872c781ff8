using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Kubernetes.Entities;

namespace Vigil.Gates.Policy;

/// <summary>Turns a <see cref="V1Alpha1VigilPolicy"/> resource into a validated <see cref="GatePolicy"/>.</summary>
public static class VigilPolicyResource
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>Validates the spec into a policy, with the same rules and messages as a policy file.</summary>
    public static PolicyParseResult ToPolicy(this V1Alpha1VigilPolicy resource)
    {
        ArgumentNullException.ThrowIfNull(resource);

        // JSON is YAML: one parser, one set of rules and error messages for files and resources.
        var json = JsonSerializer.Serialize(resource.Spec, SerializerOptions);
        return PolicyParser.Parse(json);
    }
}
