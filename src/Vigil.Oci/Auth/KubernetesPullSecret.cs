using System.Text.Json;

namespace Vigil.Oci.Auth;

/// <summary>
/// Reads registry credentials from a Kubernetes image pull secret, given the Secret object's JSON as the API returns it:
/// type <c>kubernetes.io/dockerconfigjson</c> (<c>data[".dockerconfigjson"]</c>) or <c>kubernetes.io/dockercfg</c>
/// (<c>data[".dockercfg"]</c>), both base64 in <c>data</c> or plain in <c>stringData</c>.
/// </summary>
public static class KubernetesPullSecret
{
    /// <summary>The Secret type of current pull secrets.</summary>
    public const string DockerConfigJsonType = "kubernetes.io/dockerconfigjson";

    /// <summary>The Secret type of legacy pull secrets.</summary>
    public const string DockerCfgType = "kubernetes.io/dockercfg";

    /// <summary>Parses the Secret's JSON bytes.</summary>
    /// <exception cref="FormatException">Not a pull secret, or malformed; the message names the secret, never its content.</exception>
    public static DockerConfigCredentials Parse(ReadOnlySpan<byte> secretJson)
    {
        string name = "(unnamed)";
        try
        {
            using var document = JsonDocument.Parse(secretJson.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A Kubernetes Secret is not a JSON object.");
            }

            if (root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
                && metadata.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
            {
                name = n.GetString()!;
            }

            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var key = type switch
            {
                DockerConfigJsonType => ".dockerconfigjson",
                DockerCfgType => ".dockercfg",
                _ => throw new FormatException($"Secret '{name}' has type '{type}', not {DockerConfigJsonType} or {DockerCfgType}."),
            };
            if (Find(root, "data", key) is { } encoded)
            {
                return DockerConfigCredentials.Parse(Convert.FromBase64String(encoded));
            }

            if (Find(root, "stringData", key) is { } plain)
            {
                return DockerConfigCredentials.Parse(System.Text.Encoding.UTF8.GetBytes(plain));
            }

            throw new FormatException($"Secret '{name}' has no '{key}' entry.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Secret '{name}' is not valid JSON (line {ex.LineNumber}).", ex);
        }
        catch (FormatException ex) when (ex.InnerException is null && !ex.Message.Contains(name, StringComparison.Ordinal))
        {
            throw new FormatException($"Secret '{name}': {ex.Message}", ex);
        }
    }

    private static string? Find(JsonElement root, string section, string key) =>
        root.TryGetProperty(section, out var data) && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
