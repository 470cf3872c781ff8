using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Core;

namespace Vigil.Scanning.Results;

/// <content>The reader side, used by the dashboard and its API.</content>
public sealed partial class SqliteResultStore
{
    private const string CountColumns = "c.critical, c.high, c.medium, c.low, c.unknown, c.fixable";

    /// <inheritdoc/>
    public async Task<ResultOverview> GetOverviewAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            """
            SELECT SUM(c.critical), SUM(c.high), SUM(c.medium), SUM(c.low), SUM(c.unknown), SUM(c.fixable),
                   COUNT(DISTINCT w.cluster), COUNT(DISTINCT w.cluster || '/' || w.namespace), COUNT(*),
                   SUM(c.critical + c.high + c.medium + c.low + c.unknown > 0)
            FROM workloads w JOIN workload_totals c ON c.workload_id = w.id;

            SELECT COUNT(*), COUNT(i.digest), MAX(i.database_version), MAX(i.database_built_at), MIN(i.scanned_at), MAX(i.scanned_at)
            FROM (SELECT DISTINCT digest FROM containers) d LEFT JOIN images i ON i.digest = d.digest;

            SELECT COUNT(*) FROM running_vulnerabilities;

            SELECT i.database_version FROM (SELECT DISTINCT digest FROM containers) d JOIN images i ON i.digest = d.digest
            ORDER BY i.scanned_at DESC LIMIT 1;
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var counts = ReadCounts(reader, 0);
        var clusters = reader.GetInt32(6);
        var namespaces = reader.GetInt32(7);
        var workloads = reader.GetInt32(8);
        var affected = reader.IsDBNull(9) ? 0 : reader.GetInt32(9);

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var images = reader.GetInt32(0);
        var scanned = reader.GetInt32(1);
        var builtAt = NullableTime(reader, 3);
        var oldest = NullableTime(reader, 4);
        var newest = NullableTime(reader, 5);

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var distinct = reader.GetInt32(0);

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var version = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetString(0) : null;

        return new ResultOverview(counts, clusters, namespaces, workloads, affected, images, scanned, distinct)
        {
            DatabaseVersion = version,
            DatabaseBuiltAt = builtAt,
            OldestScanAt = oldest,
            NewestScanAt = newest,
        };
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WorkloadSummary>> GetWorstWorkloadsAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 10_000);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            $"""
            SELECT w.cluster, w.namespace, w.kind, w.name, {CountColumns}, c.images, c.scanned
            FROM workloads w JOIN workload_totals c ON c.workload_id = w.id
            WHERE c.critical + c.high + c.medium + c.low + c.unknown > 0
            ORDER BY c.critical DESC, c.high DESC, c.medium DESC, c.low DESC, c.unknown DESC, w.namespace, w.name
            LIMIT $count;
            """,
            ("$count", count));
        return await ReadWorkloadSummariesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<NamespaceSummary>> GetNamespacesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            """
            SELECT w.cluster, w.namespace, COUNT(*), SUM(c.critical + c.high + c.medium + c.low + c.unknown > 0),
                   SUM(c.critical), SUM(c.high), SUM(c.medium), SUM(c.low), SUM(c.unknown), SUM(c.fixable)
            FROM workloads w JOIN workload_totals c ON c.workload_id = w.id
            GROUP BY w.cluster, w.namespace
            ORDER BY SUM(c.critical) DESC, SUM(c.high) DESC, SUM(c.medium) DESC, SUM(c.low) DESC, w.cluster, w.namespace;
            """);
        var result = new List<NamespaceSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new NamespaceSummary(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), ReadCounts(reader, 4)));
        }

        return result;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WorkloadSummary>> GetWorkloadsAsync(string cluster, string @namespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(@namespace);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            $"""
            SELECT w.cluster, w.namespace, w.kind, w.name, {CountColumns}, c.images, c.scanned
            FROM workloads w JOIN workload_totals c ON c.workload_id = w.id
            WHERE w.cluster = $cluster AND w.namespace = $namespace
            ORDER BY c.critical DESC, c.high DESC, c.medium DESC, c.low DESC, c.unknown DESC, w.kind, w.name;
            """,
            ("$cluster", cluster),
            ("$namespace", @namespace));
        return await ReadWorkloadSummariesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<WorkloadDetail?> GetWorkloadAsync(WorkloadKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            $"""
            SELECT w.id, w.labels, w.updated_at, {CountColumns}
            FROM workloads w JOIN workload_totals c ON c.workload_id = w.id
            WHERE w.cluster = $cluster AND w.namespace = $namespace AND w.kind = $kind AND w.name = $name;

            SELECT k.name, k.image, k.repository, k.digest, k.platform, k.is_init,
                   i.database_version, i.scanned_at, i.database_built_at, i.os,
                   i.critical, i.high, i.medium, i.low, i.unknown, i.fixable
            FROM containers k
            JOIN workloads w ON w.id = k.workload_id
            LEFT JOIN images i ON i.digest = k.digest
            WHERE w.cluster = $cluster AND w.namespace = $namespace AND w.kind = $kind AND w.name = $name
            ORDER BY k.is_init DESC, k.position;
            """,
            ("$cluster", key.Cluster),
            ("$namespace", key.Namespace),
            ("$kind", key.Kind),
            ("$name", key.Name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var labels = JsonSerializer.Deserialize(reader.GetString(1), ResultStoreJsonContext.Default.DictionaryStringString) ?? [];
        var updatedAt = FromUnixMs(reader.GetInt64(2));
        var counts = ReadCounts(reader, 3);

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var containers = new List<ContainerImageSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var digest = Digest.Parse(reader.GetString(3));
            var container = new WorkloadContainer(reader.GetString(0), reader.GetString(1), reader.GetString(2), digest, ParsePlatform(NullableString(reader, 4)))
            {
                IsInit = reader.GetInt64(5) != 0,
            };
            var scan = reader.IsDBNull(6) ? null : new ImageScanInfo(digest, reader.GetString(6), FromUnixMs(reader.GetInt64(7)))
            {
                DatabaseBuiltAt = NullableTime(reader, 8),
                OperatingSystem = NullableString(reader, 9),
            };
            containers.Add(new ContainerImageSummary(container, scan, ReadCounts(reader, 10)));
        }

        return new WorkloadDetail(new Workload(key, labels), containers, counts, updatedAt);
    }

    /// <inheritdoc/>
    public async Task<ImageDetail?> GetImageAsync(Digest digest, CancellationToken cancellationToken)
    {
        var value = digest.ToString();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var scan = await ReadScanAsync(connection, value, cancellationToken).ConfigureAwait(false);

        await using var command = Command(
            connection,
            """
            SELECT w.cluster, w.namespace, w.kind, w.name, k.name, k.image, k.repository, k.platform
            FROM containers k JOIN workloads w ON w.id = k.workload_id
            WHERE k.digest = $digest
            ORDER BY w.cluster, w.namespace, w.kind, w.name, k.name;

            SELECT critical, high, medium, low, unknown, fixable FROM images WHERE digest = $digest;
            """,
            ("$digest", value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var usages = new List<ImageUsage>();
        var repositories = new SortedSet<string>(StringComparer.Ordinal);
        Platform? platform = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            usages.Add(new ImageUsage(new WorkloadKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)), reader.GetString(4), reader.GetString(5)));
            if (reader.GetString(6) is { Length: > 0 } repository)
            {
                repositories.Add(repository);
            }

            platform ??= ParsePlatform(NullableString(reader, 7));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var counts = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadCounts(reader, 0) : SeverityCounts.Zero;
        if (scan is null && usages.Count == 0)
        {
            return null;
        }

        return new ImageDetail(digest, [.. repositories], platform, scan, counts, usages);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredFinding>> GetFindingsAsync(Digest digest, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            $"""
            SELECT {FindingColumns} FROM findings f
            WHERE f.digest = $digest
            ORDER BY f.severity DESC, f.cvss_score DESC, f.package_name, f.vuln_id;
            """,
            ("$digest", digest.ToString()));
        var result = new List<StoredFinding>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(ReadFinding(reader, 0));
        }

        return result;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TrendPoint>> GetTrendAsync(TrendScope scope, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);

        // Whole estate, cluster and namespace read the per-namespace totals; a workload reads its own rows by index.
        var (table, filter) = scope switch
        {
            { Workload: not null } => ("snapshots", "cluster = $cluster AND namespace = $namespace AND kind = $kind AND name = $name AND "),
            { Cluster: not null, Namespace: not null } => ("snapshot_totals", "cluster = $cluster AND namespace = $namespace AND "),
            { Cluster: not null } => ("snapshot_totals", "cluster = $cluster AND "),
            { Namespace: not null } => ("snapshot_totals", "namespace = $namespace AND "),
            _ => ("snapshot_totals", string.Empty),
        };
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            $"""
            SELECT taken_at, SUM(critical), SUM(high), SUM(medium), SUM(low), SUM(unknown), SUM(fixable)
            FROM {table}
            WHERE {filter}taken_at >= $since
            GROUP BY taken_at
            ORDER BY taken_at;
            """,
            ("$since", ToUnixMs(since)),
            ("$cluster", scope.Workload?.Cluster ?? scope.Cluster),
            ("$namespace", scope.Workload?.Namespace ?? scope.Namespace),
            ("$kind", scope.Workload?.Kind),
            ("$name", scope.Workload?.Name));
        var result = new List<TrendPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new TrendPoint(FromUnixMs(reader.GetInt64(0)), ReadCounts(reader, 1)));
        }

        return result;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Suppression>> GetSuppressionsAsync(bool includeExpired, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            """
            SELECT id, scope, reason, expires_at, source, created_at FROM suppressions
            WHERE $all = 1 OR expires_at IS NULL OR expires_at > $now
            ORDER BY expires_at IS NULL, expires_at, id, scope;
            """,
            ("$all", includeExpired ? 1 : 0),
            ("$now", ToUnixMs(_timeProvider.GetUtcNow())));
        var result = new List<Suppression>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new Suppression(reader.GetString(0), reader.GetString(1), reader.GetString(2), NullableTime(reader, 3))
            {
                Source = NullableString(reader, 4),
                CreatedAt = NullableTime(reader, 5),
            });
        }

        return result;
    }

    private const string FindingColumns =
        "f.vuln_id, f.aliases, f.package_name, f.package_version, f.package_type, f.ecosystem, f.purl, f.fixed_version, f.severity, f.cvss_score, f.cvss_vector, f.summary, f.refs, f.published";

    private static StoredFinding ReadFinding(SqliteDataReader reader, int o) => new(
        reader.GetString(o),
        (Severity)reader.GetInt32(o + 8),
        reader.GetString(o + 2),
        reader.GetString(o + 3))
    {
        Aliases = ListFromJson(reader.GetString(o + 1)),
        PackageType = (PackageType)reader.GetInt32(o + 4),
        Ecosystem = reader.GetString(o + 5),
        Purl = reader.GetString(o + 6),
        FixedVersion = NullableString(reader, o + 7),
        CvssScore = reader.IsDBNull(o + 9) ? null : reader.GetDouble(o + 9),
        CvssVector = NullableString(reader, o + 10),
        Summary = NullableString(reader, o + 11),
        References = ListFromJson(reader.GetString(o + 12)),
        Published = NullableTime(reader, o + 13),
    };

    private static async Task<ImageScanInfo?> ReadScanAsync(SqliteConnection connection, string digest, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            "SELECT database_version, scanned_at, database_built_at, os FROM images WHERE digest = $digest;",
            ("$digest", digest));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new ImageScanInfo(Digest.Parse(digest), reader.GetString(0), FromUnixMs(reader.GetInt64(1)))
        {
            DatabaseBuiltAt = NullableTime(reader, 2),
            OperatingSystem = NullableString(reader, 3),
        };
    }

    private static async Task<IReadOnlyList<WorkloadSummary>> ReadWorkloadSummariesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var result = new List<WorkloadSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new WorkloadSummary(
                new WorkloadKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)),
                ReadCounts(reader, 4),
                reader.GetInt32(10),
                reader.GetInt32(11)));
        }

        return result;
    }
}
