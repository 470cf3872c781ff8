using Microsoft.Data.Sqlite;

namespace Vigil.VulnDb.Storage.Sqlite;

/// <summary>
/// The schema as ordered migration steps. Step <c>n</c> turns a version <c>n-1</c> database into version <c>n</c>; each runs
/// in its own transaction and is recorded in <c>schema_version</c>. Never edit a released step: add one.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<string> Steps { get; } =
    [
        // 1: records, the package index, sources and metadata.
        """
        CREATE TABLE advisories (
            id TEXT NOT NULL PRIMARY KEY,
            modified TEXT,
            published TEXT,
            content_hash BLOB NOT NULL,
            json BLOB NOT NULL
        );
        CREATE TABLE affected (
            advisory_id TEXT NOT NULL,
            ecosystem TEXT NOT NULL,
            release TEXT,
            name TEXT NOT NULL
        );
        CREATE INDEX ix_affected_package ON affected (ecosystem, name);
        CREATE INDEX ix_affected_advisory ON affected (advisory_id);
        CREATE TABLE advisory_sources (
            source TEXT NOT NULL,
            advisory_id TEXT NOT NULL,
            PRIMARY KEY (source, advisory_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_advisory_sources_advisory ON advisory_sources (advisory_id);
        CREATE TABLE sources (
            name TEXT NOT NULL PRIMARY KEY,
            location TEXT,
            etag TEXT,
            last_modified TEXT,
            watermark TEXT,
            updated_at TEXT,
            record_count INTEGER NOT NULL DEFAULT 0,
            malformed_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE meta (
            key TEXT NOT NULL PRIMARY KEY,
            value TEXT
        );
        """,
    ];

    public static int Latest => Steps.Count;

    /// <summary>Brings the database to <see cref="Latest"/>; refuses a database made by a newer Vigil.</summary>
    public static async Task<int> ApplyAsync(SqliteConnection connection, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var current = await CurrentAsync(connection, cancellationToken).ConfigureAwait(false);
        if (current > Latest)
        {
            throw new InvalidOperationException(
                $"The vulnerability database has schema version {current}, newer than this Vigil understands ({Latest}). Upgrade Vigil or use another --cache-dir.");
        }

        for (var version = current + 1; version <= Latest; version++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var step = connection.CreateCommand())
            {
                step.Transaction = transaction;
                step.CommandText = Steps[version - 1];
                await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($v, $t);";
                record.Parameters.AddWithValue("$v", version);
                record.Parameters.AddWithValue("$t", timeProvider.GetUtcNow().ToString("O"));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return Latest;
    }

    public static async Task<int> CurrentAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
