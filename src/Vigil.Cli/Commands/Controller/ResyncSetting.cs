using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cronos;

namespace Vigil.Cli.Commands.Controller;

/// <summary>The <c>--resync</c> value: an interval (<c>90s</c>, <c>30m</c>, <c>1h</c>, <c>1d</c>, <c>01:00:00</c>) or a cron expression.</summary>
/// <param name="Interval">The interval, when not a cron expression.</param>
/// <param name="Cron">The cron expression, when given.</param>
public sealed record ResyncSetting(TimeSpan? Interval, string? Cron)
{
    /// <summary>Parses the option value, with a precise error.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ResyncSetting? setting, out string error)
    {
        setting = null;
        error = string.Empty;
        text = text?.Trim() ?? string.Empty;
        if (text.Contains(' ', StringComparison.Ordinal))
        {
            try
            {
                CronExpression.Parse(text);
                setting = new ResyncSetting(null, text);
                return true;
            }
            catch (CronFormatException e)
            {
                error = $"--resync '{text}' is not a cron expression: {e.Message}";
                return false;
            }
        }

        TimeSpan interval;
        var unit = text.Length > 0 ? text[^1] : ' ';
        var ok = unit is 's' or 'm' or 'h' or 'd' && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            ? (interval = unit switch { 's' => TimeSpan.FromSeconds(amount), 'm' => TimeSpan.FromMinutes(amount), 'h' => TimeSpan.FromHours(amount), _ => TimeSpan.FromDays(amount) }) > TimeSpan.Zero
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out interval) && interval > TimeSpan.Zero;
        if (!ok || interval < TimeSpan.FromSeconds(10))
        {
            error = $"--resync '{text}' must be an interval of at least 10s (30m, 1h) or a cron expression ('0 */6 * * *').";
            return false;
        }

        setting = new ResyncSetting(interval, null);
        return true;
    }
}
