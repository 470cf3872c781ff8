using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Vigil.Cli.Infrastructure;

/// <summary>Builds what every command needs from the parsed common options: loggers and the cache directory.</summary>
public static class CliHost
{
    /// <summary>Creates a logger factory writing to stderr in the chosen format.</summary>
    public static ILoggerFactory CreateLoggerFactory(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var level = parseResult.GetValue(CommonOptions.LogLevel);
        var format = parseResult.GetValue(CommonOptions.LogFormat);
        return LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(level);
            if (format == LogFormat.Json)
            {
                builder.AddJsonConsole(o => o.IncludeScopes = true);
            }
            else
            {
                builder.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss ";
                    o.ColorBehavior = Console.IsErrorRedirected ? LoggerColorBehavior.Disabled : LoggerColorBehavior.Default;
                });
            }

            // Everything goes to stderr: stdout carries reports that pipelines parse.
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
    }

    /// <summary>The cache directory: <c>--cache-dir</c>, else <c>$XDG_CACHE_HOME/vigil</c>, else <c>~/.cache/vigil</c>.</summary>
    public static DirectoryInfo CacheDirectory(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.GetValue(CommonOptions.CacheDir) is { } explicitDir)
        {
            return explicitDir;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return new DirectoryInfo(Path.Combine(root, "vigil"));
    }
}
