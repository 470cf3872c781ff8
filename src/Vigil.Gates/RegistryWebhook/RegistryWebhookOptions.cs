namespace Vigil.Gates.RegistryWebhook;

/// <summary>Settings of the registry push gate's webhook endpoint (<c>vigil gate registry</c>).</summary>
public sealed class RegistryWebhookOptions
{
    /// <summary>Shared secret expected as <c>Authorization: Bearer &lt;token&gt;</c>. From an env var or secret file only.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Secret for <c>HMAC-SHA256</c> body signatures in <see cref="SignatureHeader"/> (<c>sha256=&lt;hex&gt;</c>).</summary>
    public string? HmacSecret { get; set; }

    /// <summary>The header carrying the HMAC signature.</summary>
    public string SignatureHeader { get; set; } = "X-Vigil-Signature-256";

    /// <summary>Registry host to assume when an event does not name one.</summary>
    public string? DefaultRegistry { get; set; }

    /// <summary>Largest accepted body (Distribution batches events; 1 MiB is thousands of them).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
