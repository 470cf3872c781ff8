namespace Vigil.VulnDb.Osv;

/// <summary>One range event; exactly one of the properties is set in a valid record.</summary>
public sealed record OsvEvent
{
    /// <summary>The version the vulnerability was introduced in (<c>0</c>: all earlier versions).</summary>
    public string? Introduced { get; init; }

    /// <summary>The first version that is no longer affected.</summary>
    public string? Fixed { get; init; }

    /// <summary>The last version known to be affected.</summary>
    public string? LastAffected { get; init; }

    /// <summary>An upper bound on the range (<c>*</c>: none).</summary>
    public string? Limit { get; init; }
}
