using System.CommandLine;

namespace Vigil.Cli.Commands.Serve;

/// <summary>The options of <c>vigil serve</c>: where the results are, where to listen, who may read.</summary>
public static class ServeCommandDefinition
{
    /// <summary><c>--db</c>: the results database the controller writes.</summary>
    public static Option<FileInfo?> Database { get; } = new("--db")
    {
        Description = "Results database written by the controller (default: <cache-dir>/results.db).",
    };

    /// <summary><c>--listen</c> (alias <c>--urls</c>): addresses to listen on.</summary>
    public static Option<string[]> Listen { get; } = new("--listen", "--urls")
    {
        Description = "Address to listen on, e.g. http://127.0.0.1:8080 (repeatable; default loopback only).",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary><c>--token-file</c>: a file holding the bearer token readers must present.</summary>
    public static Option<FileInfo?> TokenFile { get; } = new("--token-file")
    {
        Description = "File holding an access token; requests must send 'Authorization: Bearer <token>' (browsers sign in once).",
    };

    /// <summary><c>--trusted-proxy</c>: the address of an authenticating proxy whose user headers are believed.</summary>
    public static Option<string[]> TrustedProxy { get; } = new("--trusted-proxy")
    {
        Description = "IP address of an authenticating proxy (oauth2-proxy); its X-Forwarded-User / X-Auth-Request-Email headers are trusted (repeatable).",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary><c>--trend-days</c>: how far back trend charts go.</summary>
    public static Option<int> TrendDays { get; } = new("--trend-days")
    {
        Description = "Days of history in the trend charts.",
        DefaultValueFactory = _ => 30,
    };

    /// <summary>Creates the <c>serve</c> command.</summary>
    public static Command Create()
    {
        var command = new Command("serve", "Serve the read-only dashboard and JSON API over the results database.")
        {
            Database,
            Listen,
            TokenFile,
            TrustedProxy,
            TrendDays,
        };
        TrendDays.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 3660)
            {
                result.AddError("--trend-days must be between 1 and 3660.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => new ServeCommand(parseResult).RunAsync(cancellationToken));
        return command;
    }
}
