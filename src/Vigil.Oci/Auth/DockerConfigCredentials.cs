using System.Text;
using System.Text.Json;

namespace Vigil.Oci.Auth;

/// <summary>
/// Registry credentials from a docker <c>config.json</c> (<c>auths</c>: <c>auth</c> = base64 of <c>user:password</c>, or
/// <c>username</c>/<c>password</c>), also the content of Kubernetes pull secrets. Keys such as
/// <c>https://index.docker.io/v1/</c> are normalized to registry names (<c>docker.io</c>).
/// </summary>
/// <remarks>
/// Credential helpers (<c>credHelpers</c> per registry, else <c>credsStore</c>) are named by <see cref="HelperFor"/> and
/// run by <see cref="CredentialHelper"/>. Immutable and thread-safe.
/// </remarks>
public sealed class DockerConfigCredentials
{
    private readonly Dictionary<string, RegistryCredential> byRegistry;
    private readonly Dictionary<string, string> helpers;
    private readonly string? store;

    private DockerConfigCredentials(Dictionary<string, RegistryCredential> byRegistry, Dictionary<string, string>? helpers = null, string? store = null)
    {
        this.byRegistry = byRegistry;
        this.helpers = helpers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        this.store = store;
    }

    /// <summary>No credentials.</summary>
    public static DockerConfigCredentials Empty { get; } = new(new Dictionary<string, RegistryCredential>(StringComparer.OrdinalIgnoreCase));

    /// <summary>The registries with credentials.</summary>
    public IReadOnlyCollection<string> Registries => byRegistry.Keys;

    /// <summary>Parses a <c>config.json</c> document, or a legacy <c>.dockercfg</c> (the <c>auths</c> map alone).</summary>
    /// <exception cref="FormatException">The document is not valid JSON or an entry is malformed; no secret is in the message.</exception>
    public static DockerConfigCredentials Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A docker config is not a JSON object.");
            }

            var auths = root.TryGetProperty("auths", out var a) && a.ValueKind == JsonValueKind.Object ? a : root;
            var result = new Dictionary<string, RegistryCredential>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in auths.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.Object))
            {
                if (ReadEntry(entry.Name, entry.Value) is { } credential)
                {
                    result[NormalizeRegistry(entry.Name)] = credential;
                }
            }

            var helpers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("credHelpers", out var h) && h.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in h.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.Value.GetString())))
                {
                    helpers[NormalizeRegistry(entry.Name)] = entry.Value.GetString()!;
                }
            }

            var store = GetString(root, "credsStore") is { Length: > 0 } s ? s : null;
            return new DockerConfigCredentials(result, helpers, store);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"A docker config is not valid JSON (line {ex.LineNumber}).", ex);
        }
    }

    /// <summary>Reads a <c>config.json</c> file; a missing file gives <see cref="Empty"/>.</summary>
    public static async Task<DockerConfigCredentials> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        return Parse(await File.ReadAllBytesAsync(path, cancellationToken));
    }

    /// <summary>The credential for <paramref name="registry"/> (<c>docker.io</c>, <c>host:port</c>), or null.</summary>
    public RegistryCredential? Find(string registry) =>
        byRegistry.TryGetValue(NormalizeRegistry(registry), out var credential) ? credential : null;

    /// <summary>
    /// The credential helper docker would ask for <paramref name="registry"/>: its <c>credHelpers</c> entry, else the
    /// <c>credsStore</c>; null when neither is set.
    /// </summary>
    public string? HelperFor(string registry) =>
        helpers.TryGetValue(NormalizeRegistry(registry), out var helper) ? helper : store;

    /// <summary>The credentials of both, <paramref name="other"/> winning for registries both have.</summary>
    public DockerConfigCredentials Merge(DockerConfigCredentials other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var merged = new Dictionary<string, RegistryCredential>(byRegistry, StringComparer.OrdinalIgnoreCase);
        foreach (var (registry, credential) in other.byRegistry)
        {
            merged[registry] = credential;
        }

        var helpers = new Dictionary<string, string>(this.helpers, StringComparer.OrdinalIgnoreCase);
        foreach (var (registry, helper) in other.helpers)
        {
            helpers[registry] = helper;
        }

        return new DockerConfigCredentials(merged, helpers, other.store ?? store);
    }

    /// <summary><c>https://index.docker.io/v1/</c> → <c>docker.io</c>; <c>https://host:5000/path</c> → <c>host:5000</c>.</summary>
    public static string NormalizeRegistry(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var host = key.Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            host = host[..slash];
        }

        host = host.ToLowerInvariant();
        return host is "index.docker.io" or "registry-1.docker.io" or "registry.hub.docker.com" ? "docker.io" : host;
    }

    private static RegistryCredential? ReadEntry(string key, JsonElement entry)
    {
        var username = GetString(entry, "username");
        var password = GetString(entry, "password");
        if (!string.IsNullOrEmpty(username) && password is not null)
        {
            return new RegistryCredential(username, password);
        }

        var auth = GetString(entry, "auth");
        if (string.IsNullOrEmpty(auth))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
        }
        catch (FormatException ex)
        {
            throw new FormatException($"The 'auth' value for registry '{NormalizeRegistry(key)}' is not base64.", ex);
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            ? new RegistryCredential(decoded[..colon], decoded[(colon + 1)..])
            : throw new FormatException($"The 'auth' value for registry '{NormalizeRegistry(key)}' is not 'user:password'.");
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
