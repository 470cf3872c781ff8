using System.Globalization;
using Vigil.VulnDb.Storage;

namespace Vigil.Cli.Commands.Db;

/// <summary>How the db commands describe imports to people.</summary>
internal static class DbReport
{
    /// <summary>Writes one line per import plus one per malformed record.</summary>
    public static async Task WriteImportAsync(TextWriter output, string label, ImportResult result, bool quiet)
    {
        if (!quiet)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{label}: {result.Stored} stored, {result.Unchanged} unchanged, {result.Removed} removed, {result.Withdrawn} withdrawn skipped, {result.Malformed.Count} malformed")).ConfigureAwait(false);
        }

        foreach (var malformed in result.Malformed)
        {
            var verdict = malformed.Skipped ? "skipped" : "imported without the invalid parts";
            await output.WriteLineAsync($"  malformed {malformed.Id} ({verdict}): {string.Join("; ", malformed.Problems)}").ConfigureAwait(false);
        }
    }
}
