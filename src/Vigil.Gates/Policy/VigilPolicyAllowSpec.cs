namespace Vigil.Gates.Policy;

/// <summary>One accepted id in a <see cref="VigilPolicySpec"/>.</summary>
public sealed class VigilPolicyAllowSpec
{
    /// <summary>The vulnerability id.</summary>
    public string? Id { get; set; }

    /// <summary>Only in this package.</summary>
    public string? Package { get; set; }

    /// <summary>Why it is accepted.</summary>
    public string? Reason { get; set; }

    /// <summary>Expiry date (<c>2026-12-31</c>).</summary>
    public string? Expires { get; set; }
}
