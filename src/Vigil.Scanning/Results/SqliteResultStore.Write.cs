using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Core;

namespace Vigil.Scanning.Results;

/// <content>The writer side, used by the controller.</content>
public sealed partial class SqliteResultStore
{
    /// <inheritdoc/>
    public async Task UpsertWorkloadAsync(Workload workload, IReadOnlyList<WorkloadContainer> containers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(containers);
        ValidateKey(workload.Key);
        foreach (var container in containers)
        {
            ArgumentNullException.ThrowIfNull(container);
            ArgumentException.ThrowIfNullOrWhiteSpace(container.Name, nameof(containers));
            if (container.Digest.Algorithm is null)
            {
                throw new ArgumentException($"Container '{container.Name}' has no image digest.", nameof(containers));
            }
        }

        var duplicate = containers.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Container name '{duplicate.Key}' appears twice in {workload.Key}.", nameof(containers));
        }

        var labels = JsonSerializer.Serialize(
            new Dictionary<string, string>(workload.Labels, StringComparer.Ordinal),
            ResultStoreJsonContext.Default.DictionaryStringString);

        await WriteAsync(
            async (connection, transaction) =>
            {
                await using var upsert = Command(
                    connection,
                    """
                    INSERT INTO workloads (cluster, namespace, kind, name, labels, updated_at)
                    VALUES ($cluster, $namespace, $kind, $name, $labels, $now)
                    ON CONFLICT (cluster, namespace, kind, name) DO UPDATE SET labels = excluded.labels, updated_at = excluded.updated_at
                    RETURNING id;
                    """,
                    ("$cluster", workload.Key.Cluster),
                    ("$namespace", workload.Key.Namespace),
                    ("$kind", workload.Key.Kind),
                    ("$name", workload.Key.Name),
                    ("$labels", labels),
                    ("$now", ToUnixMs(_timeProvider.GetUtcNow())));
                upsert.Transaction = transaction;
                var id = (long)(await upsert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

                await using var clear = Command(connection, "DELETE FROM containers WHERE workload_id = $id;", ("$id", id));
                clear.Transaction = transaction;
                await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

                await using var insert = Command(
                    connection,
                    """
                    INSERT INTO containers (workload_id, position, name, image, repository, digest, platform, is_init)
                    VALUES ($id, $position, $name, $image, $repository, $digest, $platform, $init);
                    """);
                insert.Transaction = transaction;
                var parameters = insert.Parameters;
                parameters.AddWithValue("$id", id);
                var position = parameters.Add("$position", SqliteType.Integer);
                var name = parameters.Add("$name", SqliteType.Text);
                var image = parameters.Add("$image", SqliteType.Text);
                var repository = parameters.Add("$repository", SqliteType.Text);
                var digest = parameters.Add("$digest", SqliteType.Text);
                var platform = parameters.Add("$platform", SqliteType.Text);
                var init = parameters.Add("$init", SqliteType.Integer);
                for (var i = 0; i < containers.Count; i++)
                {
                    var container = containers[i];
                    position.Value = i;
                    name.Value = container.Name;
                    image.Value = container.Image ?? string.Empty;
                    repository.Value = container.Repository ?? string.Empty;
                    digest.Value = container.Digest.ToString();
                    platform.Value = (object?)container.Platform?.ToString() ?? DBNull.Value;
                    init.Value = container.IsInit ? 1 : 0;
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> RemoveWorkloadAsync(WorkloadKey key, CancellationToken cancellationToken)
    {
        ValidateKey(key);
        var removed = 0;
        await WriteAsync(
            async (connection, transaction) =>
            {
                await using var delete = Command(
                    connection,
                    "DELETE FROM workloads WHERE cluster = $cluster AND namespace = $namespace AND kind = $kind AND name = $name;",
                    ("$cluster", key.Cluster),
                    ("$namespace", key.Namespace),
                    ("$kind", key.Kind),
                    ("$name", key.Name));
                delete.Transaction = transaction;
                removed = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return removed > 0;
    }

    /// <inheritdoc/>
    public Task ReplaceFindingsAsync(ImageScanInfo scan, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return ReplaceStoredFindingsAsync(scan, findings.Select(StoredFinding.From).ToList(), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task ReplaceStoredFindingsAsync(ImageScanInfo scan, IReadOnlyList<StoredFinding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(findings);
        if (scan.Digest.Algorithm is null)
        {
            throw new ArgumentException("The scan has no image digest.", nameof(scan));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(scan.DatabaseVersion, "scan.DatabaseVersion");
        var digest = scan.Digest.ToString();
        long critical = 0, high = 0, medium = 0, low = 0, unknown = 0, fixable = 0;
        foreach (var finding in findings)
        {
            ArgumentNullException.ThrowIfNull(finding, nameof(findings));
            switch (finding.Severity)
            {
                case Severity.Critical: critical++; break;
                case Severity.High: high++; break;
                case Severity.Medium: medium++; break;
                case Severity.Low: low++; break;
                default: unknown++; break;
            }

            fixable += finding.IsFixable ? 1 : 0;
        }

        await WriteAsync(
            async (connection, transaction) =>
            {
                await using (var clear = Command(
                    connection,
                    """
                    DELETE FROM finding_aliases WHERE finding_id IN (SELECT id FROM findings WHERE digest = $digest);
                    DELETE FROM findings WHERE digest = $digest;
                    """,
                    ("$digest", digest)))
                {
                    clear.Transaction = transaction;
                    await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await using (var image = Command(
                    connection,
                    """
                    INSERT OR REPLACE INTO images (digest, database_version, database_built_at, scanned_at, os, critical, high, medium, low, unknown, fixable)
                    VALUES ($digest, $version, $built, $scanned, $os, $critical, $high, $medium, $low, $unknown, $fixable);
                    """,
                    ("$digest", digest),
                    ("$version", scan.DatabaseVersion),
                    ("$built", scan.DatabaseBuiltAt is { } built ? ToUnixMs(built) : null),
                    ("$scanned", ToUnixMs(scan.ScannedAt)),
                    ("$os", scan.OperatingSystem),
                    ("$critical", critical),
                    ("$high", high),
                    ("$medium", medium),
                    ("$low", low),
                    ("$unknown", unknown),
                    ("$fixable", fixable)))
                {
                    image.Transaction = transaction;
                    await image.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await InsertFindingsAsync(connection, transaction, digest, findings, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertFindingsAsync(SqliteConnection connection, SqliteTransaction transaction, string digest, IReadOnlyList<StoredFinding> findings, CancellationToken cancellationToken)
    {
        await using var insert = Command(
            connection,
            """
            INSERT INTO findings (digest, vuln_id, aliases, package_name, package_version, package_type, ecosystem, purl,
                                  fixed_version, severity, cvss_score, cvss_vector, summary, refs, published)
            VALUES ($digest, $id, $aliases, $package, $version, $type, $ecosystem, $purl, $fixed, $severity, $score, $vector, $summary, $refs, $published)
            RETURNING id;
            """);
        insert.Transaction = transaction;
        var p = insert.Parameters;
        p.AddWithValue("$digest", digest);
        var id = p.Add("$id", SqliteType.Text);
        var aliases = p.Add("$aliases", SqliteType.Text);
        var package = p.Add("$package", SqliteType.Text);
        var version = p.Add("$version", SqliteType.Text);
        var type = p.Add("$type", SqliteType.Integer);
        var ecosystem = p.Add("$ecosystem", SqliteType.Text);
        var purl = p.Add("$purl", SqliteType.Text);
        var fixedVersion = p.Add("$fixed", SqliteType.Text);
        var severity = p.Add("$severity", SqliteType.Integer);
        var score = p.Add("$score", SqliteType.Real);
        var vector = p.Add("$vector", SqliteType.Text);
        var summary = p.Add("$summary", SqliteType.Text);
        var refs = p.Add("$refs", SqliteType.Text);
        var published = p.Add("$published", SqliteType.Integer);

        await using var alias = Command(connection, "INSERT OR IGNORE INTO finding_aliases (alias, finding_id) VALUES ($alias, $finding);");
        alias.Transaction = transaction;
        var aliasValue = alias.Parameters.Add("$alias", SqliteType.Text);
        var aliasFinding = alias.Parameters.Add("$finding", SqliteType.Integer);

        foreach (var finding in findings)
        {
            var allIds = new List<string>(finding.Aliases.Count + 1) { finding.Id };
            allIds.AddRange(finding.Aliases.Where(a => !string.IsNullOrWhiteSpace(a) && !string.Equals(a, finding.Id, StringComparison.Ordinal)));

            id.Value = finding.Id;
            aliases.Value = ToJson(allIds);
            package.Value = finding.PackageName;
            version.Value = finding.PackageVersion;
            type.Value = (int)finding.PackageType;
            ecosystem.Value = finding.Ecosystem ?? string.Empty;
            purl.Value = finding.Purl ?? string.Empty;
            fixedVersion.Value = (object?)finding.FixedVersion ?? DBNull.Value;
            severity.Value = (int)finding.Severity;
            score.Value = (object?)finding.CvssScore ?? DBNull.Value;
            vector.Value = (object?)finding.CvssVector ?? DBNull.Value;
            summary.Value = (object?)finding.Summary ?? DBNull.Value;
            refs.Value = ToJson(finding.References ?? []);
            published.Value = finding.Published is { } when ? ToUnixMs(when) : DBNull.Value;
            var rowId = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

            aliasFinding.Value = rowId;
            foreach (var value in allIds)
            {
                aliasValue.Value = value;
                await alias.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public async Task<ImageScanInfo?> GetImageScanAsync(Digest digest, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadScanAsync(connection, digest.ToString(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Digest>> GetImagesToScanAsync(string? databaseVersion, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            """
            SELECT DISTINCT c.digest FROM containers c LEFT JOIN images i ON i.digest = c.digest
            WHERE i.digest IS NULL OR ($version IS NOT NULL AND i.database_version <> $version)
            ORDER BY c.digest;
            """,
            ("$version", databaseVersion));
        var result = new List<Digest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Digest.TryParse(reader.GetString(0), out var digest))
            {
                result.Add(digest);
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public async Task<int> PruneUnusedImagesAsync(DateTimeOffset scannedBefore, CancellationToken cancellationToken)
    {
        var pruned = 0;
        await WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = Command(
                    connection,
                    """
                    CREATE TEMP TABLE IF NOT EXISTS prune (digest TEXT PRIMARY KEY);
                    DELETE FROM prune;
                    INSERT INTO prune SELECT digest FROM images
                    WHERE scanned_at < $before AND digest NOT IN (SELECT digest FROM containers);
                    DELETE FROM finding_aliases WHERE finding_id IN (SELECT id FROM findings WHERE digest IN (SELECT digest FROM prune));
                    DELETE FROM findings WHERE digest IN (SELECT digest FROM prune);
                    DELETE FROM images WHERE digest IN (SELECT digest FROM prune);
                    SELECT COUNT(*) FROM prune;
                    """,
                    ("$before", ToUnixMs(scannedBefore)));
                command.Transaction = transaction;
                pruned = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            },
            cancellationToken).ConfigureAwait(false);
        return pruned;
    }

    /// <inheritdoc/>
    public async Task<SnapshotSummary> RecordSnapshotAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        SnapshotSummary? summary = null;
        await WriteAsync(
            async (connection, transaction) =>
            {
                await using (var insert = Command(
                    connection,
                    """
                    INSERT INTO snapshots (taken_at, cluster, namespace, kind, name, critical, high, medium, low, unknown, fixable)
                    SELECT $now, w.cluster, w.namespace, w.kind, w.name, c.critical, c.high, c.medium, c.low, c.unknown, c.fixable
                    FROM workloads w JOIN workload_totals c ON c.workload_id = w.id;
                    """,
                    ("$now", ToUnixMs(now))))
                {
                    insert.Transaction = transaction;
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await using (var namespaces = Command(
                    connection,
                    """
                    INSERT OR REPLACE INTO snapshot_totals (taken_at, cluster, namespace, workloads, critical, high, medium, low, unknown, fixable)
                    SELECT taken_at, cluster, namespace, COUNT(*), SUM(critical), SUM(high), SUM(medium), SUM(low), SUM(unknown), SUM(fixable)
                    FROM snapshots WHERE taken_at = $now GROUP BY cluster, namespace;
                    """,
                    ("$now", ToUnixMs(now))))
                {
                    namespaces.Transaction = transaction;
                    await namespaces.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await using var totals = Command(
                    connection,
                    "SELECT SUM(critical), SUM(high), SUM(medium), SUM(low), SUM(unknown), SUM(fixable), SUM(workloads) FROM snapshot_totals WHERE taken_at = $now;",
                    ("$now", ToUnixMs(now)));
                totals.Transaction = transaction;
                await using var reader = await totals.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                summary = new SnapshotSummary(now, reader.IsDBNull(6) ? 0 : reader.GetInt32(6), ReadCounts(reader, 0));
            },
            cancellationToken).ConfigureAwait(false);
        return summary!;
    }

    /// <inheritdoc/>
    public async Task ReplaceSuppressionsAsync(IReadOnlyList<Suppression> suppressions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suppressions);
        foreach (var suppression in suppressions)
        {
            ArgumentNullException.ThrowIfNull(suppression, nameof(suppressions));
            ArgumentException.ThrowIfNullOrWhiteSpace(suppression.Id, nameof(suppressions));
            ArgumentException.ThrowIfNullOrWhiteSpace(suppression.Scope, nameof(suppressions));
        }

        await WriteAsync(
            async (connection, transaction) =>
            {
                await using (var clear = Command(connection, "DELETE FROM suppressions;"))
                {
                    clear.Transaction = transaction;
                    await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await using var insert = Command(
                    connection,
                    """
                    INSERT OR REPLACE INTO suppressions (id, scope, reason, expires_at, source, created_at)
                    VALUES ($id, $scope, $reason, $expires, $source, $created);
                    """);
                insert.Transaction = transaction;
                var p = insert.Parameters;
                var id = p.Add("$id", SqliteType.Text);
                var scope = p.Add("$scope", SqliteType.Text);
                var reason = p.Add("$reason", SqliteType.Text);
                var expires = p.Add("$expires", SqliteType.Integer);
                var source = p.Add("$source", SqliteType.Text);
                var created = p.Add("$created", SqliteType.Integer);
                foreach (var suppression in suppressions)
                {
                    id.Value = suppression.Id;
                    scope.Value = suppression.Scope;
                    reason.Value = suppression.Reason ?? string.Empty;
                    expires.Value = suppression.ExpiresAt is { } e ? ToUnixMs(e) : DBNull.Value;
                    source.Value = (object?)suppression.Source ?? DBNull.Value;
                    created.Value = suppression.CreatedAt is { } c ? ToUnixMs(c) : DBNull.Value;
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in one immediate transaction, one writer at a time.</summary>
    private async Task WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
