using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Vigil.Core;
using Vigil.VulnDb.Naming;
using Vigil.VulnDb.Osv;

namespace Vigil.VulnDb.Storage.Sqlite;

/// <summary>
/// One import: everything happens inside a single write transaction, committed only after the last document, the
/// removals, the source state and the new fingerprint are written. Anything short of the commit leaves the old content.
/// </summary>
internal sealed class SqliteImportSession(SqliteConnection connection, ImportRequest request, TimeProvider timeProvider) : IAsyncDisposable
{
    private readonly List<SqliteCommand> _commands = [];
    private SqliteTransaction? _transaction;

    public async Task<ImportResult> RunAsync(IAsyncEnumerable<OsvDocument> documents, CancellationToken cancellationToken)
    {
        await ExecuteAsync("DROP TABLE IF EXISTS temp.seen; CREATE TEMP TABLE seen (id TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;", cancellationToken).ConfigureAwait(false);
        _transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var selectHash = Prepare("SELECT content_hash FROM advisories WHERE id = $id;", "$id");
        var upsert = Prepare(
            """
            INSERT INTO advisories (id, modified, published, content_hash, json) VALUES ($id, $modified, $published, $hash, $json)
            ON CONFLICT (id) DO UPDATE SET modified = excluded.modified, published = excluded.published,
                content_hash = excluded.content_hash, json = excluded.json;
            """,
            "$id", "$modified", "$published", "$hash", "$json");
        var deleteAffected = Prepare("DELETE FROM affected WHERE advisory_id = $id;", "$id");
        var insertAffected = Prepare("INSERT INTO affected (advisory_id, ecosystem, release, name) VALUES ($id, $e, $r, $n);", "$id", "$e", "$r", "$n");
        var link = Prepare("INSERT OR IGNORE INTO advisory_sources (source, advisory_id) VALUES ($s, $id);", "$s", "$id");
        var unlink = Prepare("DELETE FROM advisory_sources WHERE source = $s AND advisory_id = $id;", "$s", "$id");
        var markSeen = Prepare("INSERT OR IGNORE INTO temp.seen (id) VALUES ($id);", "$id");

        int stored = 0, unchanged = 0, withdrawn = 0;
        var malformed = new List<MalformedRecord>();
        await foreach (var document in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var parsed = OsvRecordParser.Parse(document.Content.Span);
            if (parsed.IsMalformed)
            {
                malformed.Add(new MalformedRecord(parsed.Record?.Id ?? document.Origin, parsed.Problems, parsed.Record is null));
            }

            if (parsed.Record is not { } record)
            {
                continue;
            }

            if (record.Withdrawn is not null)
            {
                withdrawn++;
                await RunAsync(unlink, cancellationToken, request.Source, record.Id).ConfigureAwait(false);
                continue;
            }

            var json = OsvRecordParser.ToUtf8Json(record);
            var hash = SHA256.HashData(json);
            await RunAsync(markSeen, cancellationToken, record.Id).ConfigureAwait(false);
            await RunAsync(link, cancellationToken, request.Source, record.Id).ConfigureAwait(false);
            selectHash.Parameters[0].Value = record.Id;
            if (await selectHash.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] existing && existing.AsSpan().SequenceEqual(hash))
            {
                unchanged++;
                continue;
            }

            await RunAsync(upsert, cancellationToken, record.Id, Format(record.Modified), Format(record.Published), hash, json).ConfigureAwait(false);
            await RunAsync(deleteAffected, cancellationToken, record.Id).ConfigureAwait(false);
            foreach (var (ecosystem, release, name) in PackageKeys(record))
            {
                await RunAsync(insertAffected, cancellationToken, record.Id, ecosystem, release, name).ConfigureAwait(false);
            }

            stored++;
        }

        if (request.Mode == ImportMode.Replace)
        {
            await ExecuteAsync("DELETE FROM advisory_sources WHERE source = $s AND advisory_id NOT IN (SELECT id FROM temp.seen);", cancellationToken, ("$s", request.Source)).ConfigureAwait(false);
        }

        await ExecuteAsync(
            "DELETE FROM affected WHERE advisory_id IN (SELECT id FROM advisories WHERE id NOT IN (SELECT advisory_id FROM advisory_sources));",
            cancellationToken).ConfigureAwait(false);
        var removed = await ExecuteAsync("DELETE FROM advisories WHERE id NOT IN (SELECT advisory_id FROM advisory_sources);", cancellationToken).ConfigureAwait(false);

        await SaveSourceAsync(malformed.Count, cancellationToken).ConfigureAwait(false);
        await UpdateFingerprintAsync(cancellationToken).ConfigureAwait(false);
        var version = await SqliteAdvisoryStore.ReadVersionAsync(connection, _transaction, cancellationToken).ConfigureAwait(false);
        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ImportResult(request.Source, stored, unchanged, withdrawn, removed, malformed, version);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        if (_transaction is not null)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }

        await using var drop = connection.CreateCommand();
        drop.CommandText = "DROP TABLE IF EXISTS temp.seen;";
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>The distinct (ecosystem base name, release, normalized name) triples a record is indexed under.</summary>
    internal static IEnumerable<(string Ecosystem, string? Release, string Name)> PackageKeys(OsvRecord record) =>
        (record.Affected ?? [])
            .Where(a => a.Package is { Ecosystem.Length: > 0, Name.Length: > 0 })
            .Select(a =>
            {
                var ecosystem = Ecosystem.Parse(a.Package!.Ecosystem);
                return (ecosystem.Name, ecosystem.Release, PackageNames.Normalize(ecosystem.Name, a.Package.Name));
            })
            .Distinct();

    private static string? Format(DateTimeOffset? time) => time?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private async Task SaveSourceAsync(int malformedCount, CancellationToken cancellationToken)
    {
        var state = request.State ?? new SourceState(request.Source);
        await ExecuteAsync(
            """
            INSERT INTO sources (name, location, etag, last_modified, watermark, updated_at, record_count, malformed_count)
            VALUES ($s, $l, $etag, $lm, $w, $u, (SELECT COUNT(*) FROM advisory_sources WHERE source = $s), $m)
            ON CONFLICT (name) DO UPDATE SET location = excluded.location, etag = excluded.etag, last_modified = excluded.last_modified,
                watermark = excluded.watermark, updated_at = excluded.updated_at, record_count = excluded.record_count,
                malformed_count = excluded.malformed_count;
            """,
            cancellationToken,
            ("$s", request.Source),
            ("$l", request.Location ?? state.Location),
            ("$etag", state.ETag),
            ("$lm", state.LastModified),
            ("$w", Format(state.Watermark)),
            ("$u", Format(timeProvider.GetUtcNow())),
            ("$m", malformedCount)).ConfigureAwait(false);
    }

    private async Task UpdateFingerprintAsync(CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long count = 0;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = _transaction;
            command.CommandText = "SELECT id, content_hash FROM advisories ORDER BY id;";
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    hash.AppendData(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0)));
                    hash.AppendData((byte[])reader[1]);
                    count++;
                }
            }
        }

        var fingerprint = count > 0 ? Convert.ToHexStringLower(hash.GetHashAndReset()) : string.Empty;
        var changed = await ExecuteAsync(
            "INSERT INTO meta (key, value) VALUES ('fingerprint', $f) ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value;",
            cancellationToken,
            ("$f", fingerprint)).ConfigureAwait(false);
        await ExecuteAsync(
            "INSERT INTO meta (key, value) VALUES ('advisory_count', $c) ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
            cancellationToken,
            ("$c", count.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
        if (changed > 0)
        {
            await ExecuteAsync(
                "INSERT INTO meta (key, value) VALUES ('updated_at', $t) ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
                cancellationToken,
                ("$t", Format(timeProvider.GetUtcNow()))).ConfigureAwait(false);
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _commands.Add(command);
        return command;
    }

    private static Task<int> RunAsync(SqliteCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
