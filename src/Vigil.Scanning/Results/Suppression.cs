namespace Vigil.Scanning.Results;

/// <summary>A decision to not report a vulnerability somewhere, with its reason and expiry.</summary>
/// <param name="Id">The vulnerability id it applies to (<c>CVE-2024-1234</c>), or <c>*</c> for a rule on a whole scope.</param>
/// <param name="Scope">Where it applies, in the policy's words (<c>cluster</c>, <c>namespace:payments</c>, <c>image:docker.io/library/nginx</c>).</param>
/// <param name="Reason">Why, as its author wrote it.</param>
/// <param name="ExpiresAt">When it stops applying, or null when it does not expire.</param>
public sealed record Suppression(string Id, string Scope, string Reason, DateTimeOffset? ExpiresAt)
{
    /// <summary>Where it comes from (a policy name, an ignore file, a VEX document), if known.</summary>
    public string? Source { get; init; }

    /// <summary>When it was created, if known.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Whether it applies at <paramref name="now"/>.</summary>
    public bool IsInForce(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;
}
