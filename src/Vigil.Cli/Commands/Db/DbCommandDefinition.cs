using System.CommandLine;
using Vigil.Cli.Commands.Db.Import;
using Vigil.Cli.Commands.Db.Status;
using Vigil.Cli.Commands.Db.Update;

namespace Vigil.Cli.Commands.Db;

/// <summary><c>vigil db</c>: the vulnerability database (update, import, status).</summary>
public static class DbCommandDefinition
{
    /// <summary>Creates the <c>db</c> command with its subcommands.</summary>
    public static Command Create()
    {
        var db = new Command("db", "Manage the vulnerability database (OSV records in SQLite under --cache-dir).");
        db.Subcommands.Add(DbUpdateCommand.Create());
        db.Subcommands.Add(DbImportCommand.Create());
        db.Subcommands.Add(DbStatusCommand.Create());
        return db;
    }
}
