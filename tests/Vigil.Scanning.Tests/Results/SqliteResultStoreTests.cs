using Microsoft.Data.Sqlite;
using Vigil.Core;
using Vigil.Scanning.Results;
using static Vigil.Scanning.Tests.Results.ResultFixtures;

namespace Vigil.Scanning.Tests.Results;

public sealed class SqliteResultStoreTests : IDisposable
{
    private readonly TempResultStore _temp = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    private SqliteResultStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    /// <summary>Two namespaces: web runs nginx and the app (app also has redis as a sidecar), cache runs redis alone.</summary>
    private async Task SeedAsync()
    {
        await Store.UpsertWorkloadAsync(Workload("web", "frontend"), [Container("nginx", "docker.io/library/nginx", NginxDigest)], _ct);
        await Store.UpsertWorkloadAsync(
            Workload("web", "shop"),
            [Container("app", "ghcr.io/acme/shop", AppDigest), Container("cache", "docker.io/library/redis", RedisDigest)],
            _ct);
        await Store.UpsertWorkloadAsync(Workload("cache", "redis", "StatefulSet"), [Container("redis", "docker.io/library/redis", RedisDigest)], _ct);

        var now = _temp.Time.GetUtcNow();
        await Store.ReplaceFindingsAsync(
            Scan(NginxDigest, now),
            [
                Finding("CVE-2024-0001", "openssl", Severity.Critical, "3.0.14-1", "GHSA-aaaa-bbbb-cccc"),
                Finding("CVE-2024-0002", "zlib", Severity.Medium),
            ],
            _ct);
        await Store.ReplaceFindingsAsync(Scan(RedisDigest, now), [Finding("CVE-2024-0001", "openssl", Severity.Critical, "3.0.14-1"), Finding("CVE-2024-0003", "libc6", Severity.Low, "2.36-9+deb12u7")], _ct);
        await Store.ReplaceFindingsAsync(Scan(AppDigest, now), [Finding("CVE-2024-0004", "OpenSSL", Severity.High)], _ct);
    }

    [Fact]
    public async Task Instances_opening_a_new_file_at_once_migrate_it_once()
    {
        using var temp = new TempResultStore();
        var stores = Enumerable.Range(0, 6).Select(_ => new SqliteResultStore(temp.DatabasePath, temp.Time)).ToList();
        try
        {
            // Each first use migrates; the controller and the dashboard do this on one file from two processes.
            var all = await Task.WhenAll(stores.Select(store => Task.Run(() => store.GetNamespacesAsync(default))));

            Assert.All(all, Assert.Empty);
        }
        finally
        {
            stores.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task Workload_round_trips_with_labels_containers_and_image_counts()
    {
        await SeedAsync();

        var detail = await Store.GetWorkloadAsync(Key("web", "shop"), _ct);

        Assert.NotNull(detail);
        Assert.Equal("shop", detail.Workload.Labels["app"]);
        Assert.Equal(["app", "cache"], detail.Containers.Select(c => c.Container.Name));
        Assert.Equal(AppDigest, detail.Containers[0].Container.Digest);
        Assert.Equal(Platform.Default, detail.Containers[0].Container.Platform);
        Assert.Equal("db-1", detail.Containers[0].Scan!.DatabaseVersion);
        Assert.Equal(1, detail.Containers[0].Counts.High);
        Assert.Equal(new SeverityCounts(1, 1, 0, 1, 0, 2), detail.Counts);
        Assert.Equal(_temp.Time.GetUtcNow(), detail.UpdatedAt);
    }

    [Fact]
    public async Task Upserting_again_replaces_the_container_list()
    {
        await SeedAsync();
        await Store.UpsertWorkloadAsync(Workload("web", "shop"), [Container("app", "ghcr.io/acme/shop", AppDigest)], _ct);

        var detail = await Store.GetWorkloadAsync(Key("web", "shop"), _ct);

        Assert.Equal(["app"], detail!.Containers.Select(c => c.Container.Name));
        Assert.Null(await Store.GetWorkloadAsync(Key("web", "nothing"), _ct));
    }

    [Fact]
    public async Task Findings_come_back_worst_first_with_all_fields()
    {
        await SeedAsync();

        var findings = await Store.GetFindingsAsync(NginxDigest, _ct);

        Assert.Equal(["CVE-2024-0001", "CVE-2024-0002"], findings.Select(f => f.Id));
        var first = findings[0];
        Assert.Equal(["CVE-2024-0001", "GHSA-aaaa-bbbb-cccc"], first.Aliases);
        Assert.Equal("openssl", first.PackageName);
        Assert.Equal("1.0-1", first.PackageVersion);
        Assert.Equal("Debian:12", first.Ecosystem);
        Assert.Equal(PackageType.Os, first.PackageType);
        Assert.StartsWith("pkg:deb/debian/openssl", first.Purl, StringComparison.Ordinal);
        Assert.Equal("3.0.14-1", first.FixedVersion);
        Assert.Equal(9.8, first.CvssScore);
        Assert.Single(first.References);
        Assert.False(findings[1].IsFixable);
    }

    [Fact]
    public async Task Replacing_findings_drops_the_old_ones_and_their_aliases()
    {
        await SeedAsync();
        await Store.ReplaceFindingsAsync(Scan(NginxDigest, _temp.Time.GetUtcNow(), "db-2"), [Finding("CVE-2025-9999", "curl", Severity.High)], _ct);

        Assert.Equal(["CVE-2025-9999"], (await Store.GetFindingsAsync(NginxDigest, _ct)).Select(f => f.Id));
        var byAlias = await Store.SearchAsync("GHSA-aaaa-bbbb-cccc", null, 100, _ct);
        Assert.Empty(byAlias.Hits);
        Assert.Equal("db-2", (await Store.GetImageScanAsync(NginxDigest, _ct))!.DatabaseVersion);
    }

    [Fact]
    public async Task Search_by_cve_finds_every_running_container_of_every_image_with_it()
    {
        await SeedAsync();

        var result = await Store.SearchAsync("cve-2024-0001", null, 100, _ct);

        Assert.Equal(SearchKind.Vulnerability, result.Kind);
        Assert.Equal(3, result.TotalHits);
        Assert.Equal(3, result.AffectedWorkloads);
        Assert.Equal(
            ["cache/redis/redis", "web/frontend/nginx", "web/shop/cache"],
            result.Hits.Select(h => $"{h.Workload.Namespace}/{h.Workload.Name}/{h.Container}").Order(StringComparer.Ordinal));
        Assert.All(result.Hits, h => Assert.Equal("3.0.14-1", h.Finding!.FixedVersion));
    }

    [Fact]
    public async Task Search_by_ghsa_alias_finds_the_same_finding()
    {
        await SeedAsync();

        var result = await Store.SearchAsync("GHSA-aaaa-bbbb-cccc", null, 100, _ct);

        var hit = Assert.Single(result.Hits);
        Assert.Equal("frontend", hit.Workload.Name);
        Assert.Equal("CVE-2024-0001", hit.Finding!.Id);
    }

    [Fact]
    public async Task Search_by_package_is_case_insensitive_and_worst_first()
    {
        await SeedAsync();

        var result = await Store.SearchAsync("openssl", null, 100, _ct);

        Assert.Equal(SearchKind.Package, result.Kind);
        Assert.Equal(4, result.TotalHits);
        Assert.Equal(Severity.Critical, result.Hits[0].Finding!.Severity);
        Assert.Equal(Severity.High, result.Hits[^1].Finding!.Severity);
    }

    [Fact]
    public async Task Search_by_image_matches_part_of_the_reference_or_the_digest()
    {
        await SeedAsync();

        var byName = await Store.SearchAsync("library/redis", null, 100, _ct);
        var byDigest = await Store.SearchAsync("docker.io/library/nginx@" + NginxDigest, null, 100, _ct);

        Assert.Equal(SearchKind.Image, byName.Kind);
        Assert.Equal(2, byName.TotalHits);
        Assert.All(byName.Hits, h => Assert.Equal(1, h.ImageCounts!.Critical));
        Assert.Equal("frontend", Assert.Single(byDigest.Hits).Workload.Name);
    }

    [Fact]
    public async Task Search_treats_like_wildcards_literally()
    {
        await SeedAsync();

        var result = await Store.SearchAsync("%", SearchKind.Image, 100, _ct);

        Assert.Empty(result.Hits);
    }

    [Fact]
    public async Task Search_limit_truncates_but_reports_the_total()
    {
        await SeedAsync();

        var result = await Store.SearchAsync("CVE-2024-0001", null, 1, _ct);

        Assert.Single(result.Hits);
        Assert.Equal(3, result.TotalHits);
        Assert.True(result.IsTruncated);
    }

    [Fact]
    public async Task Empty_search_returns_nothing_and_bad_limits_are_refused()
    {
        await SeedAsync();

        Assert.Empty((await Store.SearchAsync("   ", null, 10, _ct)).Hits);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SearchAsync("x", null, 0, _ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SearchAsync("x", null, SqliteResultStore.MaxSearchLimit + 1, _ct));
    }

    [Fact]
    public async Task Overview_counts_per_workload_and_reports_database_age()
    {
        await SeedAsync();
        await Store.UpsertWorkloadAsync(Workload("batch", "unscanned", "CronJob"), [Container("job", "ghcr.io/acme/job", Digest.Sha256("job"u8))], _ct);

        var overview = await Store.GetOverviewAsync(_ct);

        // frontend: C+M; shop: app H + redis C+L; redis: C+L.
        Assert.Equal(new SeverityCounts(3, 1, 1, 2, 0, 5), overview.Counts);
        Assert.Equal(7, overview.Counts.Total);
        Assert.Equal(2, overview.Counts.Unfixable);
        Assert.Equal(1, overview.Clusters);
        Assert.Equal(3, overview.Namespaces);
        Assert.Equal(4, overview.Workloads);
        Assert.Equal(3, overview.AffectedWorkloads);
        Assert.Equal(4, overview.Images);
        Assert.Equal(3, overview.ScannedImages);
        Assert.Equal(1, overview.PendingImages);
        Assert.Equal(4, overview.DistinctVulnerabilities);
        Assert.Equal("db-1", overview.DatabaseVersion);
        Assert.Equal(_temp.Time.GetUtcNow().AddHours(-6), overview.DatabaseBuiltAt);
    }

    [Fact]
    public async Task Overview_of_an_empty_store_is_all_zero()
    {
        var overview = await Store.GetOverviewAsync(_ct);

        Assert.Equal(SeverityCounts.Zero, overview.Counts);
        Assert.Equal(0, overview.Workloads);
        Assert.Null(overview.DatabaseVersion);
        Assert.Empty(await Store.GetWorstWorkloadsAsync(10, _ct));
        Assert.Empty(await Store.GetNamespacesAsync(_ct));
    }

    [Fact]
    public async Task Worst_workloads_rank_by_critical_then_high()
    {
        await SeedAsync();

        var worst = await Store.GetWorstWorkloadsAsync(2, _ct);

        Assert.Equal(["shop", "frontend"], worst.Select(w => w.Key.Name));
        Assert.Equal(2, worst[0].Images);
        Assert.Equal(2, worst[0].ScannedImages);
    }

    [Fact]
    public async Task Namespaces_and_their_workloads_are_listed_worst_first()
    {
        await SeedAsync();

        var namespaces = await Store.GetNamespacesAsync(_ct);
        var web = await Store.GetWorkloadsAsync("prod", "web", _ct);

        Assert.Equal(["web", "cache"], namespaces.Select(n => n.Namespace));
        Assert.Equal(2, namespaces[0].Workloads);
        Assert.Equal(2, namespaces[0].Counts.Critical);
        Assert.Equal(["shop", "frontend"], web.Select(w => w.Key.Name));
        Assert.Empty(await Store.GetWorkloadsAsync("prod", "missing", _ct));
    }

    [Fact]
    public async Task Image_detail_lists_where_it_runs()
    {
        await SeedAsync();

        var image = await Store.GetImageAsync(RedisDigest, _ct);

        Assert.NotNull(image);
        Assert.Equal(["docker.io/library/redis"], image.Repositories);
        Assert.Equal(2, image.UsedBy.Count);
        Assert.Equal(new SeverityCounts(1, 0, 0, 1, 0, 2), image.Counts);
        Assert.Null(await Store.GetImageAsync(Digest.Sha256("unknown"u8), _ct));
    }

    [Fact]
    public async Task Removing_a_workload_keeps_image_findings_for_others()
    {
        await SeedAsync();

        Assert.True(await Store.RemoveWorkloadAsync(Key("cache", "redis", "StatefulSet"), _ct));
        Assert.False(await Store.RemoveWorkloadAsync(Key("cache", "redis", "StatefulSet"), _ct));

        Assert.Equal(2, (await Store.GetFindingsAsync(RedisDigest, _ct)).Count);
        Assert.Equal(2, (await Store.SearchAsync("CVE-2024-0001", null, 10, _ct)).TotalHits);
    }

    [Fact]
    public async Task Images_to_scan_are_the_unscanned_and_those_on_an_older_database()
    {
        await SeedAsync();
        var job = Digest.Sha256("job"u8);
        await Store.UpsertWorkloadAsync(Workload("batch", "job", "Job"), [Container("job", "ghcr.io/acme/job", job)], _ct);
        await Store.ReplaceFindingsAsync(Scan(AppDigest, _temp.Time.GetUtcNow(), "db-2"), [], _ct);

        Assert.Equal([job], await Store.GetImagesToScanAsync(null, _ct));
        Assert.Equal(
            new[] { job, NginxDigest, RedisDigest }.OrderBy(d => d.ToString(), StringComparer.Ordinal),
            await Store.GetImagesToScanAsync("db-2", _ct));
    }

    [Fact]
    public async Task Pruning_removes_only_old_images_that_nothing_runs()
    {
        await SeedAsync();
        var old = Digest.Sha256("old"u8);
        await Store.ReplaceFindingsAsync(Scan(old, _temp.Time.GetUtcNow().AddDays(-30)), [Finding("CVE-2020-0001", "bash", Severity.Low)], _ct);

        var pruned = await Store.PruneUnusedImagesAsync(_temp.Time.GetUtcNow().AddDays(-7), _ct);

        Assert.Equal(1, pruned);
        Assert.Null(await Store.GetImageScanAsync(old, _ct));
        Assert.Empty((await Store.SearchAsync("CVE-2020-0001", null, 10, _ct)).Hits);
        Assert.NotNull(await Store.GetImageScanAsync(NginxDigest, _ct));
    }

    [Fact]
    public async Task Snapshots_make_a_trend_per_scope()
    {
        await SeedAsync();
        var first = await Store.RecordSnapshotAsync(_ct);
        _temp.Time.Advance(TimeSpan.FromDays(1));
        await Store.ReplaceFindingsAsync(Scan(NginxDigest, _temp.Time.GetUtcNow()), [], _ct);
        await Store.RecordSnapshotAsync(_ct);

        var all = await Store.GetTrendAsync(TrendScope.All, first.TakenAt.AddDays(-1), _ct);
        var web = await Store.GetTrendAsync(new TrendScope("prod", "web"), first.TakenAt, _ct);
        var redis = await Store.GetTrendAsync(new TrendScope(Workload: Key("cache", "redis", "StatefulSet")), first.TakenAt, _ct);
        var later = await Store.GetTrendAsync(TrendScope.All, first.TakenAt.AddHours(1), _ct);

        Assert.Equal(3, first.Workloads);
        Assert.Equal(7, first.Counts.Total);
        Assert.Equal([7L, 5L], all.Select(p => p.Counts.Total));
        Assert.Equal([5L, 3L], web.Select(p => p.Counts.Total));
        Assert.Equal([2L, 2L], redis.Select(p => p.Counts.Total));
        Assert.Equal(first.TakenAt.AddDays(1), Assert.Single(later).At);
    }

    [Fact]
    public async Task Suppressions_in_force_exclude_expired_ones_unless_asked()
    {
        var now = _temp.Time.GetUtcNow();
        await Store.ReplaceSuppressionsAsync(
            [
                new Suppression("CVE-2024-0001", "namespace:web", "Not reachable", now.AddDays(10)) { Source = "policy/default" },
                new Suppression("CVE-2023-0001", "cluster", "Accepted risk", null),
                new Suppression("CVE-2022-0001", "cluster", "Old", now.AddDays(-1)),
            ],
            _ct);

        var inForce = await Store.GetSuppressionsAsync(includeExpired: false, _ct);
        var all = await Store.GetSuppressionsAsync(includeExpired: true, _ct);

        Assert.Equal(["CVE-2024-0001", "CVE-2023-0001"], inForce.Select(s => s.Id));
        Assert.Equal("policy/default", inForce[0].Source);
        Assert.Equal(3, all.Count);

        await Store.ReplaceSuppressionsAsync([], _ct);
        Assert.Empty(await Store.GetSuppressionsAsync(includeExpired: true, _ct));
    }

    [Fact]
    public async Task Bad_writes_are_refused_with_argument_errors_and_change_nothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertWorkloadAsync(new Workload(new WorkloadKey("prod", "", "Deployment", "x"), new Dictionary<string, string>()), [], _ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertWorkloadAsync(
            Workload("web", "dup"),
            [Container("a", "nginx", NginxDigest), Container("a", "redis", RedisDigest)],
            _ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertWorkloadAsync(Workload("web", "nodigest"), [new WorkloadContainer("a", "nginx", "nginx", default)], _ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReplaceFindingsAsync(new ImageScanInfo(NginxDigest, " ", DateTimeOffset.UnixEpoch), Array.Empty<Finding>(), _ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReplaceSuppressionsAsync([new Suppression("", "cluster", "r", null)], _ct));

        Assert.Equal(0, (await Store.GetOverviewAsync(_ct)).Workloads);
    }

    [Fact]
    public async Task Data_survives_reopening_the_file()
    {
        await SeedAsync();

        using var reopened = new SqliteResultStore(_temp.DatabasePath, _temp.Time);

        Assert.Equal(3, (await reopened.GetOverviewAsync(_ct)).Workloads);
    }

    [Fact]
    public async Task A_file_from_a_newer_schema_is_refused_with_a_clear_error()
    {
        await Store.InitializeAsync(_ct);
        await using (var connection = new SqliteConnection($"Data Source={_temp.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(_ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 999;";
            await command.ExecuteNonQueryAsync(_ct);
        }

        using var newer = new SqliteResultStore(_temp.DatabasePath, _temp.Time);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.GetOverviewAsync(_ct));

        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_sqlite_is_refused_with_a_clear_error()
    {
        Directory.CreateDirectory(_temp.DirectoryPath);
        var path = Path.Combine(_temp.DirectoryPath, "garbage.db");
        await File.WriteAllTextAsync(path, new string('x', 4096), _ct);

        using var store = new SqliteResultStore(path, _temp.Time);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetOverviewAsync(_ct));

        Assert.Contains("not a Vigil results database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writers_and_readers_do_not_collide()
    {
        var writes = Enumerable.Range(0, 20).Select(i => Store.UpsertWorkloadAsync(
            Workload("load", $"w{i}"),
            [Container("c", "ghcr.io/acme/w", Digest.Sha256(BitConverter.GetBytes(i)))],
            _ct));
        var reads = Enumerable.Range(0, 20).Select(_ => Store.GetOverviewAsync(_ct));

        await Task.WhenAll(writes.Concat<Task>(reads));

        Assert.Equal(20, (await Store.GetOverviewAsync(_ct)).Workloads);
    }

    [Fact]
    public async Task A_version_1_file_is_migrated_and_keeps_its_history()
    {
        Directory.CreateDirectory(_temp.DirectoryPath);
        await using (var connection = new SqliteConnection($"Data Source={_temp.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(_ct);
            await using var command = connection.CreateCommand();
            command.CommandText = ResultStoreSchema.Migrations[0] + """
                PRAGMA user_version = 1;
                INSERT INTO snapshots VALUES (1000, 'prod', 'web', 'Deployment', 'shop', 1, 2, 3, 4, 0, 5);
                INSERT INTO snapshots VALUES (1000, 'prod', 'web', 'Deployment', 'frontend', 1, 0, 0, 0, 0, 1);
                """;
            await command.ExecuteNonQueryAsync(_ct);
        }

        var trend = await Store.GetTrendAsync(new TrendScope("prod", "web"), DateTimeOffset.FromUnixTimeMilliseconds(0), _ct);
        var workload = await Store.GetTrendAsync(new TrendScope(Workload: Key("web", "shop")), DateTimeOffset.FromUnixTimeMilliseconds(0), _ct);

        Assert.Equal(new SeverityCounts(2, 2, 3, 4, 0, 6), Assert.Single(trend).Counts);
        Assert.Equal(10, Assert.Single(workload).Counts.Total);
        await using var check = new SqliteConnection($"Data Source={_temp.DatabasePath};Pooling=False");
        await check.OpenAsync(_ct);
        await using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        Assert.Equal((long)ResultStoreSchema.LatestVersion, (long)(await version.ExecuteScalarAsync(_ct))!);
    }
}
