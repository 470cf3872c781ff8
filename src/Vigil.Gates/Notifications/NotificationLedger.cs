using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Gates.Abstractions;

namespace Vigil.Gates.Notifications;

/// <summary>
/// Remembers which finding was already reported for which subject (workload or image), so each new finding is told
/// once, and holds notifications waiting for the daily digest. One SQLite file.
/// </summary>
public sealed class NotificationLedger
{
    private readonly string connectionString;

    private NotificationLedger(string connectionString) => this.connectionString = connectionString;

    /// <summary>Opens (creating) the ledger.</summary>
    public static async Task<NotificationLedger> OpenAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var ledger = new NotificationLedger(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString());
        await using var connection = await ledger.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS reported (subject TEXT NOT NULL, finding TEXT NOT NULL, first_at INTEGER NOT NULL, PRIMARY KEY (subject, finding));
            CREATE TABLE IF NOT EXISTS pending_digest (id INTEGER PRIMARY KEY AUTOINCREMENT, notification TEXT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ledger;
    }

    /// <summary>
    /// Records the findings of <paramref name="notification"/> for its subject and returns those not reported before.
    /// A notification without findings is keyed by its kind and digest instead.
    /// </summary>
    public async Task<IReadOnlyList<FindingSummary>?> ClaimNewAsync(GateNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var keys = notification.Findings.Count == 0
            ? [$"{notification.Kind}@{notification.Digest}"]
            : notification.Findings.Select(f => f.Id).Distinct(StringComparer.Ordinal).ToList();
        var fresh = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO reported (subject, finding, first_at) VALUES ($s, $f, $t) ON CONFLICT DO NOTHING";
            command.Parameters.AddWithValue("$s", notification.Subject);
            command.Parameters.AddWithValue("$f", key);
            command.Parameters.AddWithValue("$t", notification.Time.ToUnixTimeMilliseconds());
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                fresh.Add(key);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (fresh.Count == 0)
        {
            return null;
        }

        return notification.Findings.Count == 0 ? [] : [.. notification.Findings.Where(f => fresh.Contains(f.Id))];
    }

    /// <summary>Keeps a notification for the next digest.</summary>
    public async Task AddToDigestAsync(GateNotification notification, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO pending_digest (notification) VALUES ($n)";
        command.Parameters.AddWithValue("$n", JsonSerializer.Serialize(Stored.From(notification)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The notifications waiting for the digest, oldest first, with the highest id read.</summary>
    public async Task<(IReadOnlyList<GateNotification> Items, long UpTo)> PendingDigestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, notification FROM pending_digest ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<GateNotification>();
        long upTo = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            upTo = reader.GetInt64(0);
            if (JsonSerializer.Deserialize<Stored>(reader.GetString(1)) is { } item)
            {
                items.Add(item.ToNotification());
            }
        }

        return (items, upTo);
    }

    /// <summary>Forgets digest entries up to <paramref name="upTo"/> once sent.</summary>
    public async Task ClearDigestAsync(long upTo, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM pending_digest WHERE id <= $id";
        command.Parameters.AddWithValue("$id", upTo);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored form: the digest as text, since <see cref="Core.Digest"/> has no public constructor.</summary>
    private sealed record Stored(string Kind, string Subject, string Image, IReadOnlyList<FindingSummary> Findings, string Summary, string? Digest, DateTimeOffset Time)
    {
        public static Stored From(GateNotification n) => new(n.Kind, n.Subject, n.Image, n.Findings, n.Summary, n.Digest?.ToString(), n.Time);

        public GateNotification ToNotification() => new(Kind, Subject, Image, Findings, Summary)
        {
            Digest = Core.Digest.TryParse(Digest, out var digest) ? digest : null,
            Time = Time,
        };
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
