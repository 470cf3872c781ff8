using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Vigil.Core;

namespace Vigil.Scanning.Results;

/// <summary>
/// The results store in one SQLite file (WAL journal, so the dashboard reads while the controller writes). The schema is
/// versioned with <c>PRAGMA user_version</c> and migrated on first use; a file from a newer Vigil is refused.
/// </summary>
/// <remarks><threadsafety>Safe for concurrent use; writes from this process are serialised.</threadsafety></remarks>
public sealed partial class SqliteResultStore : IResultStore, IDisposable
{
    private readonly string _connectionString;
    private readonly string _path;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Creates a store over the configured file (nothing is opened until first use).</summary>
    public SqliteResultStore(IOptions<SqliteResultStoreOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Value.DatabasePath);
        _path = Path.GetFullPath(options.Value.DatabasePath);
        _timeProvider = timeProvider;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Creates a store over <paramref name="databasePath"/>.</summary>
    public SqliteResultStore(string databasePath, TimeProvider timeProvider)
        : this(Options.Create(new SqliteResultStoreOptions { DatabasePath = databasePath }), timeProvider)
    {
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _path;

    /// <summary>Creates or migrates the schema now rather than on first use.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _writeLock.Dispose();
        _initLock.Dispose();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA synchronous = NORMAL;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            if (Path.GetDirectoryName(_path) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            var version = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (version > ResultStoreSchema.LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The results database '{_path}' has schema version {version}, newer than this Vigil understands ({ResultStoreSchema.LatestVersion}). Upgrade Vigil or use another file.");
            }

            for (var next = version; next < ResultStoreSchema.LatestVersion; next++)
            {
                // BEGIN IMMEDIATE takes the write lock; the version is read again under it because another process (the
                // controller and the dashboard share the file) may have migrated meanwhile.
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var current = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken, transaction).ConfigureAwait(false), CultureInfo.InvariantCulture);
                if (current > next)
                {
                    next = current - 1;
                    continue;
                }

                await ExecuteAsync(connection, ResultStoreSchema.Migrations[next], cancellationToken, transaction).ConfigureAwait(false);
                await ExecuteAsync(connection, $"PRAGMA user_version = {next + 1};", cancellationToken, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            _initialized = true;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 26)
        {
            // SQLITE_NOTADB: say which file, not just "file is not a database".
            throw new InvalidOperationException($"'{_path}' is not a Vigil results database (not an SQLite file).", ex);
        }
        finally
        {
            _initLock.Release();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static long ToUnixMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    private static DateTimeOffset? NullableTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromUnixMs(reader.GetInt64(ordinal));

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Reads six count columns (critical, high, medium, low, unknown, fixable) starting at <paramref name="ordinal"/>.</summary>
    private static SeverityCounts ReadCounts(SqliteDataReader reader, int ordinal) => new(
        reader.IsDBNull(ordinal) ? 0 : reader.GetInt64(ordinal),
        reader.IsDBNull(ordinal + 1) ? 0 : reader.GetInt64(ordinal + 1),
        reader.IsDBNull(ordinal + 2) ? 0 : reader.GetInt64(ordinal + 2),
        reader.IsDBNull(ordinal + 3) ? 0 : reader.GetInt64(ordinal + 3),
        reader.IsDBNull(ordinal + 4) ? 0 : reader.GetInt64(ordinal + 4),
        reader.IsDBNull(ordinal + 5) ? 0 : reader.GetInt64(ordinal + 5));

    private static string ToJson(IReadOnlyList<string> values) => JsonSerializer.Serialize(values, ResultStoreJsonContext.Default.IReadOnlyListString);

    private static IReadOnlyList<string> ListFromJson(string json) =>
        JsonSerializer.Deserialize(json, ResultStoreJsonContext.Default.IReadOnlyListString) ?? [];

    private static Platform? ParsePlatform(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return Platform.Parse(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void ValidateKey(WorkloadKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(key.Cluster, "key.Cluster");
        ArgumentException.ThrowIfNullOrWhiteSpace(key.Namespace, "key.Namespace");
        ArgumentException.ThrowIfNullOrWhiteSpace(key.Kind, "key.Kind");
        ArgumentException.ThrowIfNullOrWhiteSpace(key.Name, "key.Name");
    }
}
