using Vigil.Core;
using Vigil.Oci.Layers;

namespace Vigil.Oci;

/// <summary>Settings for image acquisition (section <c>Vigil:Oci</c>).</summary>
public sealed class OciOptions
{
    /// <summary>The platform picked from multi-platform images (default linux/amd64).</summary>
    public Platform Platform { get; set; } = Platform.Default;

    /// <summary>
    /// Insecure registries (<c>host[:port]</c>): reached over HTTPS without certificate checks, or over plain HTTP when they
    /// do not speak TLS. Loopback registries (localhost, 127.0.0.0/8, ::1) always are, as with Docker; every other
    /// registry uses HTTPS with verified certificates.
    /// </summary>
    public IList<string> InsecureRegistries { get; } = [];

    /// <summary>Largest manifest or index accepted, in bytes (default 4 MiB, as containerd).</summary>
    public long MaxManifestBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Largest image config accepted, in bytes (default 8 MiB).</summary>
    public long MaxConfigBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Attempts for a registry request that gets 429, 5xx or a connection error (default 4).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First retry delay, doubled each attempt with jitter; a Retry-After header wins (default 500 ms).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest Retry-After honoured; longer waits fail the request instead (default 60 s).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The docker <c>config.json</c> to read credentials from; null for <c>$DOCKER_CONFIG/config.json</c> or <c>~/.docker/config.json</c>.</summary>
    public string? DockerConfigPath { get; set; }

    /// <summary>
    /// Where <c>docker-credential-*</c> helpers named by the docker config's <c>credsStore</c>/<c>credHelpers</c> are looked
    /// up (a PATH-style list); null for <c>PATH</c>.
    /// </summary>
    public string? CredentialHelperPath { get; set; }

    /// <summary>Layer limits and concurrency.</summary>
    public LayerReadOptions Layers { get; set; } = new();
}
