namespace Vigil.Oci.Registry;

/// <summary>What went wrong talking to a registry.</summary>
public enum RegistryErrorKind
{
    /// <summary>Credentials are missing or were rejected (HTTP 401).</summary>
    Unauthorized,

    /// <summary>The credentials do not grant the needed access (HTTP 403).</summary>
    Forbidden,

    /// <summary>The repository, manifest or blob does not exist (HTTP 404).</summary>
    NotFound,

    /// <summary>Still rate limited after the retries (HTTP 429).</summary>
    TooManyRequests,

    /// <summary>Still failing after the retries (HTTP 5xx) or unreachable.</summary>
    Unavailable,

    /// <summary>The registry does not support the operation (deletes disabled, blob mount refused).</summary>
    Unsupported,

    /// <summary>The registry answered something the protocol does not allow (bad redirect, bad token response).</summary>
    Protocol,
}
