using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.VulnDb.Naming;
using Vigil.VulnDb.Osv;

namespace Vigil.VulnDb.Storage.Sqlite;

/// <summary>
/// <see cref="IAdvisoryStore"/> in one SQLite file in WAL mode: readers never block the importer and always see the last
/// committed import; an import is one transaction, so a crash or kill leaves the previous content usable.
/// </summary>
public sealed partial class SqliteAdvisoryStore : IAdvisoryStore, IDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Creates a store over the database file at <paramref name="databasePath"/> (created and migrated on first use).</summary>
    public SqliteAdvisoryStore(string databasePath, TimeProvider? timeProvider = null, ILogger<SqliteAdvisoryStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 120,
        }.ToString();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc/>
    public event EventHandler<AdvisoryDbChangedEventArgs>? Changed;

    /// <inheritdoc/>
    public async Task<ImportResult> ImportAsync(ImportRequest request, IAsyncEnumerable<OsvDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(documents);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var before = await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
            var session = new SqliteImportSession(connection, request, _timeProvider);
            await using (session.ConfigureAwait(false))
            {
                var result = await session.RunAsync(documents, cancellationToken).ConfigureAwait(false);
                LogImported(_logger, request.Source, result.Stored, result.Unchanged, result.Removed, result.Malformed.Count);
                if (result.Version.Fingerprint != before.Fingerprint)
                {
                    Changed?.Invoke(this, new AdvisoryDbChangedEventArgs(result.Version));
                }

                return result;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OsvRecord>> FindAsync(string ecosystemName, string packageName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ecosystemName);
        ArgumentNullException.ThrowIfNull(packageName);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT a.json FROM advisories a
                WHERE a.id IN (SELECT advisory_id FROM affected WHERE ecosystem = $e AND name = $n)
                ORDER BY a.id;
                """;
            command.Parameters.AddWithValue("$e", ecosystemName);
            command.Parameters.AddWithValue("$n", PackageNames.Normalize(ecosystemName, packageName));
            var records = new List<OsvRecord>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    records.Add(Deserialize((byte[])reader[0]));
                }
            }

            return records;
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<OsvRecord>>> FindManyAsync(string ecosystemName, IReadOnlyCollection<string> packageNames, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ecosystemName);
        ArgumentNullException.ThrowIfNull(packageNames);
        var found = new Dictionary<string, List<OsvRecord>>(StringComparer.Ordinal);
        if (packageNames.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<OsvRecord>>();
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();

            // One round trip whatever the inventory size: the names travel as one JSON array parameter. Ordering by id
            // keeps each record's JSON next to its other names, so it is parsed once.
            command.CommandText = """
                SELECT af.name, a.id, a.json FROM affected af JOIN advisories a ON a.id = af.advisory_id
                WHERE af.ecosystem = $e AND af.name IN (SELECT value FROM json_each($n))
                GROUP BY af.name, a.id
                ORDER BY a.id;
                """;
            command.Parameters.AddWithValue("$e", ecosystemName);
            var normalized = packageNames.Select(n => PackageNames.Normalize(ecosystemName, n)).Distinct(StringComparer.Ordinal);
            command.Parameters.AddWithValue("$n", JsonSerializer.Serialize(normalized.ToArray(), OsvJsonContext.Default.StringArray));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                string? lastId = null;
                OsvRecord? last = null;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var id = reader.GetString(1);
                    if (id != lastId)
                    {
                        last = Deserialize((byte[])reader[2]);
                        lastId = id;
                    }

                    var name = reader.GetString(0);
                    if (!found.TryGetValue(name, out var list))
                    {
                        found[name] = list = [];
                    }

                    list.Add(last!);
                }
            }
        }

        return found.ToDictionary(p => p.Key, IReadOnlyList<OsvRecord> (p) => p.Value, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlySet<string>> GetPackageNamesAsync(string ecosystemName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ecosystemName);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT DISTINCT name FROM affected WHERE ecosystem = $e;";
            command.Parameters.AddWithValue("$e", ecosystemName);
            var names = new HashSet<string>(StringComparer.Ordinal);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    names.Add(reader.GetString(0));
                }
            }

            return names;
        }
    }

    /// <inheritdoc/>
    public async Task<OsvRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT json FROM advisories WHERE id = $id;";
            command.Parameters.AddWithValue("$id", id);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] json ? Deserialize(json) : null;
        }
    }

    /// <inheritdoc/>
    public async Task<AdvisoryDbVersion> GetVersionAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<AdvisoryStoreStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var version = await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
            var sources = await ReadSourcesAsync(connection, null, cancellationToken).ConfigureAwait(false);
            var counts = new List<KeyValuePair<string, long>>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT ecosystem, COUNT(DISTINCT advisory_id) AS n FROM affected GROUP BY ecosystem ORDER BY n DESC, ecosystem;";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        counts.Add(new(reader.GetString(0), reader.GetInt64(1)));
                    }
                }
            }

            var size = new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
            return new AdvisoryStoreStatus(DatabasePath, version, sources, counts) { SizeBytes = size };
        }
    }

    /// <inheritdoc/>
    public async Task<SourceState?> GetSourceStateAsync(string source, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var sources = await ReadSourcesAsync(connection, source, cancellationToken).ConfigureAwait(false);
            return sources.Count == 0 ? null : sources[0];
        }
    }

    /// <summary>Releases pooled connections so that the file can be moved or deleted.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _initLock.Dispose();
    }

    internal static OsvRecord Deserialize(byte[] json) =>
        JsonSerializer.Deserialize(json, OsvJsonContext.Default.OsvRecord) ?? throw new InvalidDataException("A stored record is JSON null.");

    internal static async Task<AdvisoryDbVersion> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        string fingerprint = string.Empty;
        DateTimeOffset? updatedAt = null;
        long count = 0;
        await using (var command = connection.CreateCommand())
        {
            // Only the meta table: this is polled, so it must stay cheap however large the database is.
            command.Transaction = transaction;
            command.CommandText = "SELECT key, value FROM meta WHERE key IN ('fingerprint', 'updated_at', 'advisory_count');";
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var value = reader.IsDBNull(1) ? null : reader.GetString(1);
                    switch (reader.GetString(0))
                    {
                        case "fingerprint":
                            fingerprint = value ?? string.Empty;
                            break;
                        case "advisory_count":
                            count = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
                            break;
                        default:
                            updatedAt = ParseTime(value);
                            break;
                    }
                }
            }
        }

        var schema = SqliteMigrations.Latest; // initialization migrated (or refused) the database
        return new AdvisoryDbVersion(fingerprint, schema, updatedAt, count);
    }

    internal static async Task<IReadOnlyList<SourceState>> ReadSourcesAsync(SqliteConnection connection, string? only, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, location, etag, last_modified, watermark, updated_at, record_count, malformed_count FROM sources"
            + (only is null ? " ORDER BY name;" : " WHERE name = $n;");
        if (only is not null)
        {
            command.Parameters.AddWithValue("$n", only);
        }

        var sources = new List<SourceState>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sources.Add(new SourceState(reader.GetString(0))
                {
                    Location = reader.IsDBNull(1) ? null : reader.GetString(1),
                    ETag = reader.IsDBNull(2) ? null : reader.GetString(2),
                    LastModified = reader.IsDBNull(3) ? null : reader.GetString(3),
                    Watermark = ParseTime(reader.IsDBNull(4) ? null : reader.GetString(4)),
                    UpdatedAt = ParseTime(reader.IsDBNull(5) ? null : reader.GetString(5)),
                    RecordCount = reader.GetInt64(6),
                    MalformedCount = reader.GetInt32(7),
                });
            }
        }

        return sources;
    }

    internal static byte[] ContentHash(ReadOnlySpan<byte> json) => SHA256.HashData(json);

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : null;

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_initialized)
            {
                await InitializeAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task InitializeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            await using (var pragma = connection.CreateCommand())
            {
                // WAL: readers keep reading the last commit while an import runs; NORMAL sync is durable across process crashes.
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await SqliteMigrations.ApplyAsync(connection, _timeProvider, cancellationToken).ConfigureAwait(false);
            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Source}: {Stored} stored, {Unchanged} unchanged, {Removed} removed, {Malformed} malformed")]
    private static partial void LogImported(ILogger logger, string source, int stored, int unchanged, int removed, int malformed);
}
