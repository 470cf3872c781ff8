using System.CommandLine;
using Vigil.Core;

namespace Vigil.Cli.Commands.Scan;

/// <summary>The options every <c>vigil scan</c> subcommand shares: filters, report formats and the CI gate.</summary>
public static class ScanCommandOptions
{
    /// <summary><c>--format</c>, repeatable: <c>table</c>, <c>json</c>, <c>sarif=report.sarif</c>…</summary>
    public static Option<string[]> Format { get; } = new("--format", "-f")
    {
        Description = "Report format, repeatable; FORMAT writes to --output or stdout, FORMAT=FILE writes to FILE. "
            + "Formats: table, json, sarif, cyclonedx, spdx (SPDX JSON), markdown, junit.",
        DefaultValueFactory = _ => ["table"],
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary><c>--output</c>: file for the formats given without <c>=FILE</c>.</summary>
    public static Option<FileInfo?> Output { get; } = new("--output", "-o")
    {
        Description = "Write the report to this file instead of stdout.",
    };

    /// <summary><c>--severity</c>: a list (<c>HIGH,CRITICAL</c>) or a minimum (<c>HIGH+</c>).</summary>
    public static Option<string?> Severity { get; } = new("--severity", "-s")
    {
        Description = "Severities to report: a list (HIGH,CRITICAL) or a minimum (HIGH+ or >=HIGH).",
    };

    /// <summary><c>--ignore-unfixed</c>.</summary>
    public static Option<bool> IgnoreUnfixed { get; } = new("--ignore-unfixed")
    {
        Description = "Leave out vulnerabilities that have no fixed version yet.",
    };

    /// <summary><c>--pkg-types</c>: <c>os</c>, <c>library</c> or both.</summary>
    public static Option<string?> PackageTypes { get; } = new("--pkg-types")
    {
        Description = "Package types to report: os, library, or os,library (default: both).",
    };

    /// <summary><c>--ignore-file</c>: a <c>.vigilignore</c> file.</summary>
    public static Option<FileInfo?> IgnoreFile { get; } = new("--ignore-file")
    {
        Description = "Ignore file (.vigilignore: YAML entries with id, package, expires, reason; or one id per line). "
            + "Default: .vigilignore in the current directory when present.",
    };

    /// <summary><c>--vex</c>, repeatable: OpenVEX documents.</summary>
    public static Option<FileInfo[]> Vex { get; } = new("--vex")
    {
        Description = "OpenVEX document; not_affected and fixed statements suppress matching findings. Repeatable.",
    };

    /// <summary><c>--exit-code</c>: exit code when findings remain after filters.</summary>
    public static Option<int> ExitCode { get; } = new("--exit-code")
    {
        Description = "Exit with this code when findings remain after filters (default 0: report only).",
    };

    /// <summary><c>--timeout</c>: the whole scan's time limit.</summary>
    public static Option<TimeSpan?> Timeout { get; } = new("--timeout")
    {
        Description = "Give up after this long (e.g. 00:05:00), exit code 4.",
    };

    /// <summary><c>--platform</c>: which image of a multi-platform index to scan.</summary>
    public static Option<string?> Platform { get; } = new("--platform")
    {
        Description = "Platform to pick from a multi-platform image (default linux/amd64).",
    };

    /// <summary><c>--skip-cache</c>: read the layers even when the SBOM cache has the image.</summary>
    public static Option<bool> SkipCache { get; } = new("--skip-cache")
    {
        Description = "Read the image again even when its SBOM is cached.",
    };

    /// <summary>All shared options, in help order.</summary>
    public static IReadOnlyList<Option> All { get; } =
        [Format, Output, Severity, IgnoreUnfixed, PackageTypes, IgnoreFile, Vex, ExitCode, Timeout, Platform, SkipCache];

    /// <summary>Parses <c>--platform</c>, or null for the default.</summary>
    public static Platform? ParsePlatform(string? text) => string.IsNullOrWhiteSpace(text) ? null : Core.Platform.Parse(text);
}
