using System.Diagnostics.CodeAnalysis;

namespace Vigil.Core;

/// <summary>Parsing and display of <see cref="Severity"/> as the words that advisories and users write.</summary>
public static class SeverityExtensions
{
    /// <summary>Upper-case label: <c>CRITICAL</c>, <c>HIGH</c>, <c>MEDIUM</c>, <c>LOW</c>, <c>UNKNOWN</c>.</summary>
    public static string ToLabel(this Severity severity) => severity switch
    {
        Severity.Critical => "CRITICAL",
        Severity.High => "HIGH",
        Severity.Medium => "MEDIUM",
        Severity.Low => "LOW",
        _ => "UNKNOWN",
    };

    /// <summary>Parses a severity word as advisories write it (case-insensitive; <c>moderate</c> and <c>important</c> included).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Severity severity)
    {
        severity = (text ?? string.Empty).Trim().ToUpperInvariant() switch
        {
            "CRITICAL" => Severity.Critical,
            "HIGH" or "IMPORTANT" => Severity.High,
            "MEDIUM" or "MODERATE" => Severity.Medium,
            "LOW" or "NEGLIGIBLE" or "UNIMPORTANT" => Severity.Low,
            "UNKNOWN" => Severity.Unknown,
            _ => (Severity)(-1),
        };
        if ((int)severity < 0)
        {
            severity = Severity.Unknown;
            return false;
        }

        return true;
    }

    /// <summary>Maps a CVSS base score (0–10) to the qualitative rating of the CVSS v3/v4 specifications.</summary>
    public static Severity FromCvssScore(double score) => score switch
    {
        >= 9.0 => Severity.Critical,
        >= 7.0 => Severity.High,
        >= 4.0 => Severity.Medium,
        > 0.0 => Severity.Low,
        _ => Severity.Unknown,
    };
}
