namespace Vigil.Testing.Registry;

/// <summary>How to start a <see cref="RegistryServer"/>: anonymous by default.</summary>
public sealed class RegistryServerOptions
{
    /// <summary>When set, the registry requires these credentials (htpasswd with bcrypt, HTTP Basic).</summary>
    public (string Username, string Password)? Htpasswd { get; init; }

    /// <summary>Whether manifests and blobs may be deleted (default true); false makes DELETE answer 405, as many registries do.</summary>
    public bool DeleteEnabled { get; init; } = true;

    /// <summary>Whether the registry serves HTTPS, with a self-signed certificate for 127.0.0.1 made for this run.</summary>
    public bool Tls { get; init; }

    /// <summary>When set, the registry POSTs its events (push, pull, delete) to this URL.</summary>
    public Uri? NotificationUrl { get; init; }

    /// <summary>Headers sent with each notification (e.g. an Authorization bearer the receiver checks).</summary>
    public IDictionary<string, string> NotificationHeaders { get; init; } = new Dictionary<string, string>();
}
