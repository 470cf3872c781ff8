using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Vigil.Core;
using Vigil.Gates.RegistryWebhook;

namespace Vigil.Gates.Quarantine;

/// <summary>
/// The push gate's persistent queue, one SQLite file. Every event is stored before the webhook answers, keyed for
/// idempotency (a redelivered or replayed event is ignored). Work is taken by lease; the verdict is stored before the
/// action, so a restart re-runs only what had not finished: an interrupted scan is scanned again, a finished scan is not.
/// </summary>
/// <remarks>One gate process owns the file (SQLite locking); several workers in it share the queue through leases.</remarks>
public sealed class PushEventQueue
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new JsonStringEnumConverter() } };
    private readonly string connectionString;
    private readonly TimeProvider timeProvider;

    private PushEventQueue(string connectionString, TimeProvider timeProvider)
    {
        this.connectionString = connectionString;
        this.timeProvider = timeProvider;
    }

    /// <summary>Opens (creating if needed) the queue at <paramref name="path"/>.</summary>
    public static async Task<PushEventQueue> OpenAsync(string path, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 };
        var queue = new PushEventQueue(builder.ToString(), timeProvider);
        await using var connection = await queue.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS push_events (
              key TEXT PRIMARY KEY,
              source TEXT NOT NULL,
              registry TEXT NOT NULL,
              repository TEXT NOT NULL,
              digest TEXT NOT NULL,
              tag TEXT,
              media_type TEXT,
              state TEXT NOT NULL,
              attempts INTEGER NOT NULL DEFAULT 0,
              lease_owner TEXT,
              lease_until INTEGER,
              not_before INTEGER NOT NULL DEFAULT 0,
              verdict TEXT,
              outcome TEXT,
              last_error TEXT,
              received_at INTEGER NOT NULL,
              updated_at INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS push_events_work ON push_events (state, not_before);
            """, cancellationToken).ConfigureAwait(false);
        return queue;
    }

    /// <summary>Stores an event; false when an event with the same key is already stored (duplicate or replay).</summary>
    public async Task<bool> EnqueueAsync(PushEvent pushEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pushEvent);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO push_events (key, source, registry, repository, digest, tag, media_type, state, received_at, updated_at)
            VALUES ($key, $source, $registry, $repository, $digest, $tag, $mediaType, 'Pending', $now, $now)
            ON CONFLICT (key) DO NOTHING
            """;
        command.Parameters.AddWithValue("$key", pushEvent.Key);
        command.Parameters.AddWithValue("$source", pushEvent.Source.ToString());
        command.Parameters.AddWithValue("$registry", pushEvent.Registry);
        command.Parameters.AddWithValue("$repository", pushEvent.Repository);
        command.Parameters.AddWithValue("$digest", pushEvent.Digest.ToString());
        command.Parameters.AddWithValue("$tag", (object?)pushEvent.Tag ?? DBNull.Value);
        command.Parameters.AddWithValue("$mediaType", (object?)pushEvent.MediaType ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Drops every lease: at start-up, work leased by a process that died is free again at once.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE push_events SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL AND state IN ('Pending', 'Scanned')";
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Leases the oldest event with work left (pending or scanned, not leased or lease expired), or null.</summary>
    public async Task<QueuedPushEvent?> LeaseAsync(string owner, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE push_events SET lease_owner = $owner, lease_until = $until, attempts = attempts + 1, updated_at = $now
            WHERE key = (
              SELECT key FROM push_events
              WHERE state IN ('Pending', 'Scanned') AND not_before <= $now AND (lease_until IS NULL OR lease_until < $now)
              ORDER BY received_at, rowid LIMIT 1)
            RETURNING key, source, registry, repository, digest, tag, media_type, state, attempts, verdict, outcome, last_error
            """;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$until", Now() + (long)leaseDuration.TotalMilliseconds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Stores the verdict of a leased event (state scanned); false when the lease was lost.</summary>
    public Task<bool> RecordVerdictAsync(string key, string owner, StoredVerdict verdict, CancellationToken cancellationToken) =>
        UpdateLeasedAsync(key, owner, "state = 'Scanned', verdict = $value", JsonSerializer.Serialize(verdict, JsonOptions), cancellationToken);

    /// <summary>Marks a leased event done with what was done; false when the lease was lost.</summary>
    public Task<bool> CompleteAsync(string key, string owner, string outcome, CancellationToken cancellationToken) =>
        UpdateLeasedAsync(key, owner, "state = 'Done', outcome = $value, lease_owner = NULL, lease_until = NULL", outcome, cancellationToken);

    /// <summary>Releases a leased event after a failed attempt: retried after <paramref name="retryAfter"/>, or failed for good after <paramref name="maxAttempts"/>.</summary>
    public async Task<bool> FailAttemptAsync(string key, string owner, string error, TimeSpan retryAfter, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE push_events SET
              state = CASE WHEN attempts >= $max THEN 'Failed' ELSE state END,
              last_error = $error, not_before = $notBefore, lease_owner = NULL, lease_until = NULL, updated_at = $now
            WHERE key = $key AND lease_owner = $owner
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$error", error);
        command.Parameters.AddWithValue("$max", maxAttempts);
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$notBefore", Now() + (long)retryAfter.TotalMilliseconds);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>The stored event with this key, or null.</summary>
    public async Task<QueuedPushEvent?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, source, registry, repository, digest, tag, media_type, state, attempts, verdict, outcome, last_error FROM push_events WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Every stored event, oldest first (status pages, tests).</summary>
    public async Task<IReadOnlyList<QueuedPushEvent>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, source, registry, repository, digest, tag, media_type, state, attempts, verdict, outcome, last_error FROM push_events ORDER BY received_at, rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<QueuedPushEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Read(reader));
        }

        return items;
    }

    private async Task<bool> UpdateLeasedAsync(string key, string owner, string set, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // 'set' is one of the constant fragments above; values are parameters.
        command.CommandText = $"UPDATE push_events SET {set}, updated_at = $now WHERE key = $key AND lease_owner = $owner";
#pragma warning restore CA2100
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$now", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static QueuedPushEvent Read(SqliteDataReader reader)
    {
        var pushEvent = new PushEvent(
            Enum.Parse<PushEventSource>(reader.GetString(1)),
            reader.GetString(0),
            reader.GetString(2),
            reader.GetString(3),
            Digest.Parse(reader.GetString(4)))
        {
            Tag = reader.IsDBNull(5) ? null : reader.GetString(5),
            MediaType = reader.IsDBNull(6) ? null : reader.GetString(6),
        };
        return new QueuedPushEvent(pushEvent, Enum.Parse<QueueState>(reader.GetString(7)), reader.GetInt32(8))
        {
            Verdict = reader.IsDBNull(9) ? null : JsonSerializer.Deserialize<StoredVerdict>(reader.GetString(9), JsonOptions),
            Outcome = reader.IsDBNull(10) ? null : reader.GetString(10),
            LastError = reader.IsDBNull(11) ? null : reader.GetString(11),
        };
    }

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"PushEventQueue({connectionString})");
}
