using System.Globalization;

namespace Vigil.Gates.Policy;

/// <summary>Durations as people write them in policies: <c>90s</c>, <c>30m</c>, <c>72h</c>, <c>7d</c>, <c>2w</c>, <c>1d12h</c>.</summary>
public static class DurationText
{
    /// <summary>Parses a duration; false for anything else (negative, empty, unknown unit, overflow).</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var total = 0d;
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && char.IsAsciiDigit(span[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits == span.Length || !long.TryParse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var unitSeconds = span[digits] switch
            {
                's' => 1d,
                'm' => 60d,
                'h' => 3600d,
                'd' => 86400d,
                'w' => 604800d,
                _ => -1d,
            };
            if (unitSeconds < 0)
            {
                return false;
            }

            total += value * unitSeconds;
            span = span[(digits + 1)..];
        }

        // Ten years is far beyond any sensible grace period or report age; larger values are typos.
        if (total > TimeSpan.FromDays(3660).TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(total);
        return true;
    }

    /// <summary>Formats a duration the way policies write it (<c>3d</c>, <c>36h</c>, <c>90m</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration.TotalDays >= 1 && duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return $"{(long)duration.TotalDays}d";
        }

        if (duration.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return $"{(long)duration.TotalHours}h";
        }

        return duration.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{(long)duration.TotalMinutes}m" : $"{(long)duration.TotalSeconds}s";
    }
}
