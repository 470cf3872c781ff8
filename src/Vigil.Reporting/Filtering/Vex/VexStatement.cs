namespace Vigil.Reporting.Filtering.Vex;

/// <summary>One OpenVEX statement: what a supplier says about one vulnerability in some products.</summary>
/// <param name="Vulnerability">The vulnerability name (<c>CVE-2023-1234</c>).</param>
/// <param name="Status">The status.</param>
public sealed record VexStatement(string Vulnerability, VexStatus Status)
{
    /// <summary>Other ids of the same vulnerability (<c>GHSA-…</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The products the statement is about.</summary>
    public IReadOnlyList<VexProduct> Products { get; init; } = [];

    /// <summary>For <c>not_affected</c>: why (<c>vulnerable_code_not_present</c>…).</summary>
    public string? Justification { get; init; }

    /// <summary>For <c>not_affected</c>: a free-text explanation.</summary>
    public string? ImpactStatement { get; init; }

    /// <summary>For <c>affected</c>: what to do.</summary>
    public string? ActionStatement { get; init; }

    /// <summary>Free-text notes on the status.</summary>
    public string? StatusNotes { get; init; }

    /// <summary>When the statement was made (its own timestamp, else the document's); the latest matching statement wins.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Where it came from: the document's <c>@id</c> or file path.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Whether this status removes the finding from a report (<c>not_affected</c> and <c>fixed</c>).</summary>
    public bool Suppresses => Status is VexStatus.NotAffected or VexStatus.Fixed;

    /// <summary>The OpenVEX spelling of <see cref="Status"/>.</summary>
    public string StatusName => Status switch
    {
        VexStatus.NotAffected => "not_affected",
        VexStatus.Affected => "affected",
        VexStatus.Fixed => "fixed",
        _ => "under_investigation",
    };
}
