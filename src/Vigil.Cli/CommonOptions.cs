using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Vigil.Cli;

/// <summary>Options shared by every command (recursive on the root): logging and quiet mode.</summary>
public static class CommonOptions
{
    /// <summary><c>--log-level</c>: minimum level written to stderr.</summary>
    public static Option<LogLevel> LogLevel { get; } = new("--log-level")
    {
        Description = "Minimum log level written to stderr (Trace, Debug, Information, Warning, Error).",
        DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Warning,
        Recursive = true,
    };

    /// <summary><c>--log-format</c>: plain console lines or one JSON object per line.</summary>
    public static Option<LogFormat> LogFormat { get; } = new("--log-format")
    {
        Description = "Log format on stderr: console or json.",
        DefaultValueFactory = _ => Cli.LogFormat.Console,
        Recursive = true,
    };

    /// <summary><c>--quiet</c>: no progress and no informational output on stderr.</summary>
    public static Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "No progress bars or informational messages; errors are still reported.",
        Recursive = true,
    };

    /// <summary><c>--cache-dir</c>: where the vulnerability database and SBOM cache live.</summary>
    public static Option<DirectoryInfo?> CacheDir { get; } = new("--cache-dir")
    {
        Description = "Directory for the vulnerability database and the SBOM cache (default: $XDG_CACHE_HOME/vigil or ~/.cache/vigil).",
        Recursive = true,
    };

    /// <summary>Adds the shared options to <paramref name="root"/>.</summary>
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(LogLevel);
        root.Options.Add(LogFormat);
        root.Options.Add(Quiet);
        root.Options.Add(CacheDir);
    }
}

/// <summary>How log lines are written.</summary>
public enum LogFormat
{
    /// <summary>One human-readable line per message.</summary>
    Console = 0,

    /// <summary>One JSON object per message (structured fields kept).</summary>
    Json = 1,
}
