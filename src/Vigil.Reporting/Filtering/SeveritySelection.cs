using System.Diagnostics.CodeAnalysis;
using Vigil.Core;

namespace Vigil.Reporting.Filtering;

/// <summary>
/// The severities a report keeps (<c>--severity</c>). Written as a comma-separated list whose items are a severity
/// (<c>HIGH</c>: exactly that) or a minimum (<c>&gt;=HIGH</c> or <c>HIGH+</c>: that and worse). Items are combined, so
/// <c>HIGH,CRITICAL</c>, <c>&gt;=HIGH</c> and <c>HIGH+</c> select the same, and <c>&gt;=HIGH,UNKNOWN</c> adds unrated findings.
/// </summary>
public sealed class SeveritySelection
{
    private readonly HashSet<Severity> _severities;

    private SeveritySelection(HashSet<Severity> severities) => _severities = severities;

    /// <summary>Every severity, Unknown included: the default.</summary>
    public static SeveritySelection All { get; } = new([.. Enum.GetValues<Severity>()]);

    /// <summary>The selected severities, worst first.</summary>
    public IReadOnlyList<Severity> Severities => [.. ReportSummary.SeverityOrder.Where(_severities.Contains)];

    /// <summary>Whether every severity is selected.</summary>
    public bool IsAll => _severities.Count == All._severities.Count;

    /// <summary>Whether a severity is selected.</summary>
    public bool Contains(Severity severity) => _severities.Contains(severity);

    /// <summary>Selects exactly the given severities.</summary>
    public static SeveritySelection Of(params IEnumerable<Severity> severities) => new([.. severities]);

    /// <summary>Selects <paramref name="minimum"/> and every worse severity; Unknown is included only by <c>&gt;=UNKNOWN</c>, which selects all.</summary>
    public static SeveritySelection AtLeast(Severity minimum) =>
        new([.. Enum.GetValues<Severity>().Where(s => s == minimum || (s != Severity.Unknown && s > minimum))]);

    /// <summary>Parses the <c>--severity</c> syntax, throwing <see cref="FormatException"/> with the reason.</summary>
    public static SeveritySelection Parse(string text) =>
        TryParse(text, out var selection, out var error) ? selection : throw new FormatException(error);

    /// <summary>Parses the <c>--severity</c> syntax without throwing; <paramref name="error"/> explains a failure.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SeveritySelection? selection, [NotNullWhen(false)] out string? error)
    {
        selection = null;
        var items = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0)
        {
            error = "No severity given: use a list such as HIGH,CRITICAL or a minimum such as >=HIGH (or HIGH+).";
            return false;
        }

        var severities = new HashSet<Severity>();
        foreach (var item in items)
        {
            var isMinimum = item.StartsWith(">=", StringComparison.Ordinal) || item.EndsWith('+');
            var word = item.StartsWith(">=", StringComparison.Ordinal) ? item[2..] : item.TrimEnd('+');
            if (!SeverityExtensions.TryParse(word.Trim(), out var severity))
            {
                error = $"'{item}' is not a severity: expected CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN, optionally as a minimum (>=HIGH or HIGH+).";
                return false;
            }

            severities.UnionWith(isMinimum ? AtLeast(severity)._severities : [severity]);
        }

        selection = new SeveritySelection(severities);
        error = null;
        return true;
    }

    /// <summary>The selection as a canonical list, e.g. <c>CRITICAL,HIGH</c>.</summary>
    public override string ToString() => string.Join(',', Severities.Select(s => s.ToLabel()));
}
