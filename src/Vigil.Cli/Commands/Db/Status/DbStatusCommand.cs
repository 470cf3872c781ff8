using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Cli.Infrastructure;
using Vigil.VulnDb.Storage;

namespace Vigil.Cli.Commands.Db.Status;

/// <summary><c>vigil db status</c>: sources, records per ecosystem, last update and schema version.</summary>
public static class DbStatusCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("status", "Show the database: sources, records per ecosystem, last update, schema version.");
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(null, ct => RunAsync(parseResult, ct), null, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var services = VigilServices.Build(parseResult);
        var status = await services.GetRequiredService<IAdvisoryStore>().GetStatusAsync(cancellationToken);
        var output = Console.Out;
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync($"database:       {status.Location}");
        await output.WriteLineAsync(string.Create(inv, $"schema version: {status.Version.SchemaVersion}"));
        await output.WriteLineAsync($"version:        {(status.Version.Fingerprint.Length == 0 ? "(empty)" : status.Version.Fingerprint)}");
        await output.WriteLineAsync($"last change:    {status.Version.UpdatedAt?.ToString("u", inv) ?? "never"}");
        await output.WriteLineAsync(string.Create(inv, $"records:        {status.Version.AdvisoryCount} ({(status.SizeBytes ?? 0) / 1024.0 / 1024.0:F1} MiB)"));
        await output.WriteLineAsync("sources:");
        foreach (var source in status.Sources)
        {
            await output.WriteLineAsync(string.Create(
                inv,
                $"  {source.Source,-40} {source.RecordCount,7} records  updated {source.UpdatedAt?.ToString("u", inv) ?? "never"}{(source.MalformedCount > 0 ? $"  {source.MalformedCount} malformed" : string.Empty)}"));
        }

        await output.WriteLineAsync("ecosystems:");
        foreach (var (ecosystem, count) in status.EcosystemCounts)
        {
            await output.WriteLineAsync(string.Create(inv, $"  {ecosystem,-20} {count,7}"));
        }

        if (status.Version.AdvisoryCount == 0)
        {
            await Console.Error.WriteLineAsync("vigil: the database is empty; run 'vigil db update' or 'vigil db import PATH'.");
        }

        return ExitCodes.Success;
    }
}
