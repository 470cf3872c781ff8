using System.Globalization;

namespace Vigil.VulnDb.Update;

/// <summary>
/// Parses an OSV <c>modified_id.csv</c>: one <c>timestamp,id</c> line per record (newest first in the bucket). Bad lines
/// are skipped; the caller falls back to a full download when the list is unusable.
/// </summary>
public static class ModifiedIdList
{
    /// <summary>The entries of <paramref name="reader"/>.</summary>
    public static async Task<IReadOnlyList<(DateTimeOffset Modified, string Id)>> ReadAsync(TextReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<(DateTimeOffset, string)>();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0)
            {
                continue;
            }

            var id = line[(comma + 1)..].Trim();

            // The root list writes "ecosystem/id"; per-ecosystem lists write the id alone.
            id = id[(id.LastIndexOf('/') + 1)..];
            if (id.Length > 0 && !id.Contains("..", StringComparison.Ordinal)
                && DateTimeOffset.TryParse(line[..comma], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified))
            {
                entries.Add((modified, id));
            }
        }

        return entries;
    }
}
