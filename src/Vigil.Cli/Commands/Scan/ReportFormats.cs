using Spectre.Console;
using Vigil.Reporting.Writers;
using Vigil.Reporting.Writers.Table;

namespace Vigil.Cli.Commands.Scan;

/// <summary>Every report format the CLI offers, in one registry.</summary>
public static class ReportFormats
{
    /// <summary>
    /// The registry of writers. <paramref name="terminal"/> is true only for stdout on a terminal: files never get ANSI
    /// colour codes, and redirected output is not wrapped at a guessed width.
    /// </summary>
    public static ReportWriterRegistry CreateRegistry(bool terminal)
    {
        var color = terminal && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var width = terminal ? Math.Max(100, AnsiConsole.Profile.Width) : 160;
        return ReportWriterRegistry.CreateDefault(new TableReportOptions { Color = color, Width = width });
    }

    /// <summary>
    /// Maps the names users type to registered formats: <c>spdx</c> is SPDX JSON here (the issue and most CI
    /// configurations say <c>spdx</c>; Vigil writes no tag-value SPDX).
    /// </summary>
    public static string Canonical(string format) => format.ToLowerInvariant() switch
    {
        "spdx" => "spdx-json",
        "cdx" or "cyclonedx-json" => "cyclonedx",
        "md" => "markdown",
        _ => format,
    };
}
