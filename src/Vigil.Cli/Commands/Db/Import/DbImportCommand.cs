using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Cli.Infrastructure;
using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Storage;

namespace Vigil.Cli.Commands.Db.Import;

/// <summary><c>vigil db import PATH</c>: imports OSV records from a zip, a directory of JSON files or a single record.</summary>
public static class DbImportCommand
{
    /// <summary>The path to import.</summary>
    public static Argument<FileSystemInfo> Path { get; } = new("path")
    {
        Description = "An OSV all.zip, a directory of OSV JSON files (and zips), or one OSV JSON record.",
    };

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("import", "Import OSV records from a file or directory (replaces what an earlier import of the same path brought).");
        command.Arguments.Add(Path);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(null, ct => RunAsync(parseResult, ct), null, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var target = parseResult.GetValue(Path)!;
        if (!target.Exists)
        {
            throw new CommandException($"'{target.FullName}' does not exist.");
        }

        await using var services = VigilServices.Build(parseResult);
        var store = services.GetRequiredService<IAdvisoryStore>();
        var quiet = parseResult.GetValue(CommonOptions.Quiet);
        if (!quiet)
        {
            await Console.Error.WriteLineAsync($"importing {target.FullName}");
        }

        var request = new ImportRequest("import:" + target.FullName, ImportMode.Replace) { Location = target.FullName };
        var result = await store.ImportAsync(request, OsvDocumentReader.ReadPathAsync(target.FullName, cancellationToken), cancellationToken);
        await DbReport.WriteImportAsync(Console.Out, target.Name, result, quiet);
        if (!quiet)
        {
            await Console.Out.WriteLineAsync($"database version {result.Version.Short}, {result.Version.AdvisoryCount} records");
        }

        return ExitCodes.Success;
    }
}
