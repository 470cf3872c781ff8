namespace Vigil.Reporting;

/// <summary>The reason one finding was suppressed, precise enough to audit: which rule, from which file, until when.</summary>
/// <param name="Kind">Which filter suppressed it.</param>
/// <param name="Reason">One line for people, e.g. <c>not_affected (vulnerable_code_not_present)</c>.</param>
public sealed record Suppression(SuppressionKind Kind, string Reason)
{
    /// <summary>Where the rule came from: <c>.vigilignore:4</c>, a VEX document id or file, or the option (<c>--severity</c>).</summary>
    public string? Source { get; init; }

    /// <summary>For ignore-file entries: the last day the entry suppresses (UTC), or null when it does not expire.</summary>
    public DateOnly? Expires { get; init; }

    /// <summary>For VEX statements: the status, <c>not_affected</c> or <c>fixed</c>.</summary>
    public string? VexStatus { get; init; }

    /// <summary>For VEX <c>not_affected</c> statements: the justification (<c>vulnerable_code_not_present</c>…).</summary>
    public string? Justification { get; init; }
}
