using Spectre.Console;
using Vigil.Reporting.Writers;
using Vigil.Reporting.Writers.Table;

namespace Vigil.Cli.Commands.Scan;

/// <summary>Every report format the CLI offers, in one registry.</summary>
public static class ReportFormats
{
    /// <summary>The registry of writers; the table is colored only when stdout is a terminal.</summary>
    public static ReportWriterRegistry CreateRegistry()
    {
        var interactive = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var width = interactive ? Math.Max(100, AnsiConsole.Profile.Width) : 160;
        return ReportWriterRegistry.CreateDefault(new TableReportOptions { Color = interactive, Width = width });
    }
}
