using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Cli.Infrastructure;
using Vigil.VulnDb.Storage;
using Vigil.VulnDb.Update;

namespace Vigil.Cli.Commands.Db.Update;

/// <summary><c>vigil db update</c>: downloads OSV archives (or only what changed) from the OSV bucket or a mirror.</summary>
public static class DbUpdateCommand
{
    /// <summary><c>--base</c>: the mirror root.</summary>
    public static Option<string> Base { get; } = new("--base")
    {
        Description = "Mirror root holding {ecosystem}/all.zip: https://… or file:///dir for air-gapped sites.",
        DefaultValueFactory = _ => OsvUpdateOptions.DefaultBaseAddress,
    };

    /// <summary><c>--ecosystem</c>: which ecosystems, repeatable or comma separated.</summary>
    public static Option<string[]> Ecosystems { get; } = new("--ecosystem", "-e")
    {
        Description = "OSV ecosystems to update (repeatable or comma separated), e.g. Debian,npm,PyPI. Default: the common OS and language ecosystems.",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("update", "Download or refresh OSV advisories (ETag-conditional; incremental where modified_id.csv is published).");
        command.Options.Add(Base);
        command.Options.Add(Ecosystems);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(null, ct => RunAsync(parseResult, ct), null, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = new OsvUpdateOptions { BaseAddress = parseResult.GetValue(Base)! };
        var ecosystems = (parseResult.GetValue(Ecosystems) ?? []).SelectMany(e => e.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (ecosystems.Count > 0)
        {
            options.Ecosystems.Clear();
            ecosystems.ForEach(options.Ecosystems.Add);
        }

        await using var services = VigilServices.Build(parseResult);
        using var http = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        IOsvMirror mirror;
        try
        {
            mirror = OsvUpdater.CreateMirror(options.BaseAddress, http.GetRequiredService<IHttpClientFactory>());
        }
        catch (ArgumentException e)
        {
            throw new CommandException($"--base: '{options.BaseAddress}' is not an http(s):// or file:// address.", e);
        }

        var updater = new OsvUpdater(services.GetRequiredService<IAdvisoryStore>(), mirror, services.GetRequiredService<ILogger<OsvUpdater>>());
        var quiet = parseResult.GetValue(CommonOptions.Quiet);
        var failed = 0;
        foreach (var result in await updater.UpdateAsync(options, cancellationToken))
        {
            switch (result)
            {
                case { Kind: UpdateKind.Failed }:
                    failed++;
                    await Console.Error.WriteLineAsync($"vigil: {result.Ecosystem}: update failed, previous data kept: {result.Message}");
                    break;
                case { Import: { } import }:
                    await DbReport.WriteImportAsync(Console.Out, $"{result.Ecosystem} ({result.Kind.ToString().ToLowerInvariant()})", import, quiet);
                    break;
                default:
                    if (!quiet)
                    {
                        await Console.Out.WriteLineAsync($"{result.Ecosystem}: not modified");
                    }

                    break;
            }
        }

        return failed == options.Ecosystems.Count ? ExitCodes.Error : ExitCodes.Success;
    }
}
