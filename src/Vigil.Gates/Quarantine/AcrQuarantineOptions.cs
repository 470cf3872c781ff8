namespace Vigil.Gates.Quarantine;

/// <summary>Credentials for the ACR quarantine API (a token or admin user with quarantine write permission).</summary>
public sealed class AcrQuarantineOptions
{
    /// <summary>User name (token name or admin user). From an env var or secret file only.</summary>
    public string? Username { get; set; }

    /// <summary>Password. From an env var or secret file only; never logged.</summary>
    public string? Password { get; set; }

    /// <summary>URL scheme of the registry (<c>https</c>; <c>http</c> only for local tests).</summary>
    public string Scheme { get; set; } = "https";
}
