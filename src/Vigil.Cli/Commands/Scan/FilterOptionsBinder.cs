using System.CommandLine;
using Vigil.Cli.Infrastructure;
using Vigil.Core;
using Vigil.Reporting.Filtering;
using Vigil.Reporting.Filtering.Vex;

namespace Vigil.Cli.Commands.Scan;

/// <summary>Turns the filter flags of <c>vigil scan</c> into <see cref="FindingFilterOptions"/>, reading ignore and VEX files.</summary>
public static class FilterOptionsBinder
{
    /// <summary>The ignore file used when <c>--ignore-file</c> is not given and it exists in the working directory.</summary>
    public const string DefaultIgnoreFile = ".vigilignore";

    /// <summary>Builds the options; warnings from the files are returned for the report.</summary>
    public static async Task<(FindingFilterOptions Options, IReadOnlyList<ScanWarning> Warnings)> BindAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var warnings = new List<ScanWarning>();
        var options = new FindingFilterOptions { IgnoreUnfixed = parseResult.GetValue(ScanCommandOptions.IgnoreUnfixed) };

        if (parseResult.GetValue(ScanCommandOptions.Severity) is { } severityText)
        {
            options = options with { Severities = SeveritySelection.TryParse(severityText, out var severities, out var error) ? severities : throw new CommandException(error) };
        }

        if (parseResult.GetValue(ScanCommandOptions.PackageTypes) is { } typesText)
        {
            options = options with { PackageTypes = PackageTypeSelection.TryParse(typesText, out var types, out var error) ? types : throw new CommandException(error) };
        }

        var ignorePath = parseResult.GetValue(ScanCommandOptions.IgnoreFile)?.FullName;
        if (ignorePath is null && File.Exists(DefaultIgnoreFile))
        {
            ignorePath = Path.GetFullPath(DefaultIgnoreFile);
        }

        if (ignorePath is not null)
        {
            if (!File.Exists(ignorePath))
            {
                throw new CommandException($"Ignore file '{ignorePath}' does not exist.");
            }

            var ignore = await IgnoreFile.LoadAsync(ignorePath, cancellationToken);
            warnings.AddRange(ignore.Warnings);
            options = options with { IgnoreEntries = ignore.Entries };
        }

        var statements = new List<VexStatement>();
        foreach (var vex in parseResult.GetValue(ScanCommandOptions.Vex) ?? [])
        {
            if (!vex.Exists)
            {
                throw new CommandException($"VEX document '{vex.FullName}' does not exist.");
            }

            var document = await OpenVexDocument.LoadAsync(vex.FullName, cancellationToken);
            warnings.AddRange(document.Warnings);
            statements.AddRange(document.Statements);
        }

        return (options with { VexStatements = statements }, warnings);
    }
}
