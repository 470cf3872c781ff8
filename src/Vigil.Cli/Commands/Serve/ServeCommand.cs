using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Vigil.Cli.Infrastructure;
using Vigil.Web;

namespace Vigil.Cli.Commands.Serve;

/// <summary><c>vigil serve</c>: hosts the dashboard until Ctrl+C.</summary>
public sealed partial class ServeCommand(ParseResult parseResult)
{
    /// <summary>Runs the server; returns an exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var database = parseResult.GetValue(ServeCommandDefinition.Database)?.FullName
            ?? Path.Combine(CliHost.CacheDirectory(parseResult).FullName, "results.db");
        var urls = parseResult.GetValue(ServeCommandDefinition.Listen) is { Length: > 0 } listen ? listen : [VigilWebHost.DefaultUrl];
        var proxies = parseResult.GetValue(ServeCommandDefinition.TrustedProxy) ?? [];

        string? token = null;
        if (parseResult.GetValue(ServeCommandDefinition.TokenFile) is { } tokenFile)
        {
            if (!tokenFile.Exists)
            {
                await Console.Error.WriteLineAsync($"vigil: token file '{tokenFile.FullName}' does not exist.").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            token = (await File.ReadAllTextAsync(tokenFile.FullName, cancellationToken).ConfigureAwait(false)).Trim();
            if (token.Length < 16)
            {
                await Console.Error.WriteLineAsync($"vigil: the token in '{tokenFile.FullName}' is empty or shorter than 16 characters.").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
        }

        foreach (var proxy in proxies)
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                await Console.Error.WriteLineAsync($"vigil: --trusted-proxy '{proxy}' is not an IP address.").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
        }

        var level = parseResult.GetValue(CommonOptions.LogLevel);
        var json = parseResult.GetValue(CommonOptions.LogFormat) == LogFormat.Json;
        WebApplication app;
        try
        {
            app = VigilWebHost.Create(
                database,
                urls,
                o =>
                {
                    o.BearerToken = token;
                    o.TrendDays = parseResult.GetValue(ServeCommandDefinition.TrendDays);
                    foreach (var proxy in proxies)
                    {
                        o.TrustedProxies.Add(proxy);
                    }
                },
                logging => ConfigureLogging(logging, level, json));
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"vigil: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        await using (app.ConfigureAwait(false))
        {
            var logger = app.Services.GetRequiredService<ILogger<ServeCommand>>();
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync($"vigil: cannot listen on {string.Join(", ", urls)}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            foreach (var address in VigilWebHost.BoundAddresses(app))
            {
                LogListening(logger, address, database);
                if (token is null && proxies.Length == 0 && !IsLoopback(address))
                {
                    LogOpen(logger, address);
                }
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop cleanly below.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static bool IsLoopback(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    private static void ConfigureLogging(ILoggingBuilder logging, LogLevel level, bool json)
    {
        logging.SetMinimumLevel(level < LogLevel.Information ? level : LogLevel.Information);
        logging.AddFilter("Microsoft.AspNetCore", level > LogLevel.Warning ? level : LogLevel.Warning);
        if (json)
        {
            logging.AddJsonConsole();
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }

        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Dashboard listening on {Address} over {Database}")]
    private static partial void LogListening(ILogger logger, string address, string database);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Address} is not loopback and no --token-file or --trusted-proxy is set: anyone who can reach it can read the results")]
    private static partial void LogOpen(ILogger logger, string address);
}
