using Vigil.Cli.Infrastructure;
using Vigil.Reporting;
using Vigil.Reporting.Writers;

namespace Vigil.Cli.Commands.Scan;

/// <summary>Writes one report in every requested format: <c>FORMAT</c> to <c>--output</c> or stdout, <c>FORMAT=FILE</c> to FILE.</summary>
public sealed class ReportEmitter
{
    private readonly ReportWriterRegistry writers;
    private readonly ReportWriterRegistry terminalWriters;
    private readonly IReadOnlyList<ReportTarget> targets;
    private readonly FileInfo? output;

    private ReportEmitter(ReportWriterRegistry writers, ReportWriterRegistry terminalWriters, IReadOnlyList<ReportTarget> targets, FileInfo? output)
    {
        this.writers = writers;
        this.terminalWriters = terminalWriters;
        this.targets = targets;
        this.output = output;
    }

    /// <summary>Validates the format list before any work is done, so a typo fails fast.</summary>
    public static ReportEmitter Create(IEnumerable<string> formats, FileInfo? output)
    {
        var writers = ReportFormats.CreateRegistry(terminal: false);
        var terminalWriters = ReportFormats.CreateRegistry(terminal: !Console.IsOutputRedirected);
        var targets = new List<ReportTarget>();
        foreach (var text in formats)
        {
            if (!ReportTarget.TryParse(text, out var target, out var error))
            {
                throw new CommandException(error);
            }

            target = target with { Format = ReportFormats.Canonical(target.Format) };
            if (!writers.TryGet(target.Format, out _))
            {
                throw new CommandException($"Unknown report format '{target.Format}': expected one of {string.Join(", ", writers.Formats)}.");
            }

            targets.Add(target);
        }

        if (targets.Count(t => t.Path is null) > 1)
        {
            throw new CommandException("Only one format can go to stdout or --output; give the others a file (sarif=report.sarif).");
        }

        return new ReportEmitter(writers, terminalWriters, targets, output);
    }

    /// <summary>Writes the report in each format.</summary>
    public async Task WriteAsync(ScanReport report, CancellationToken cancellationToken)
    {
        foreach (var target in targets)
        {
            var path = target.Path ?? output?.FullName;
            if (path is null)
            {
                var writer = terminalWriters.Get(target.Format);
                await using var stdout = Console.OpenStandardOutput();
                await writer.WriteAsync(report, stdout, cancellationToken);
                await stdout.FlushAsync(cancellationToken);
                continue;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await writers.Get(target.Format).WriteAsync(report, file, cancellationToken);
        }
    }
}
