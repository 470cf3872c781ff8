using Microsoft.Data.Sqlite;
using Vigil.Core;
using Vigil.Scanning.Results;
using static Vigil.Scanning.Tests.Results.ResultFixtures;

namespace Vigil.Scanning.Tests.Results;

/// <summary>
/// The summaries schema 3 keeps at write time (per-workload totals, running vulnerability ids) must always equal what
/// aggregating from scratch gives, whatever order the writes come in; and paged search must add up to the whole.
/// </summary>
public sealed class ResultSummaryTests : IDisposable
{
    private readonly TempResultStore _temp = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    private SqliteResultStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Summaries_match_a_full_recount_after_every_kind_of_write()
    {
        var random = new Random(8);
        var digests = Enumerable.Range(0, 8).Select(i => Digest.Sha256(BitConverter.GetBytes(i))).ToArray();
        var names = Enumerable.Range(0, 6).Select(i => $"app-{i}").ToArray();
        var severities = new[] { Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Unknown };
        var checks = 0; // steps where something vulnerable was running
        for (var step = 0; step < 120; step++)
        {
            switch (random.Next(5))
            {
                case 0 or 1:
                    // Same digest twice in one workload (init + main), or no containers at all, must count once / zero.
                    var containers = Enumerable.Range(0, random.Next(0, 4))
                        .Select(i => Container($"c{i}", "ghcr.io/acme/app", digests[random.Next(digests.Length)]))
                        .ToList();
                    await Store.UpsertWorkloadAsync(Workload("ns-" + random.Next(2), names[random.Next(names.Length)]), containers, _ct);
                    break;
                case 2:
                    await Store.RemoveWorkloadAsync(Key("ns-" + random.Next(2), names[random.Next(names.Length)]), _ct);
                    break;
                case 3:
                    // One vulnerability id may appear in two packages of an image: it still counts once per image.
                    var findings = Enumerable.Range(0, random.Next(0, 6))
                        .Select(i => Finding($"CVE-2024-{random.Next(10):0000}", "pkg" + i, severities[random.Next(severities.Length)], random.Next(2) == 0 ? "2.0" : null))
                        .ToList();
                    await Store.ReplaceFindingsAsync(Scan(digests[random.Next(digests.Length)], _temp.Time.GetUtcNow()), findings, _ct);
                    break;
                default:
                    _temp.Time.Advance(TimeSpan.FromHours(1));
                    await Store.PruneUnusedImagesAsync(_temp.Time.GetUtcNow(), _ct);
                    break;
            }

            await AssertSummariesMatchRecountAsync();
            checks += (await RowsAsync("SELECT 1 FROM running_vulnerabilities LIMIT 1;")).Count;
        }

        var overview = await Store.GetOverviewAsync(_ct);
        Assert.Equal(await ScalarAsync("SELECT COUNT(DISTINCT vuln_id) FROM findings WHERE digest IN (SELECT digest FROM containers);"), overview.DistinctVulnerabilities);
        Assert.True(checks > 60, $"Only {checks} of 120 steps had running vulnerabilities: the walk proves little.");
    }

    [Fact]
    public async Task A_version_2_file_gets_its_summaries_filled_on_migration()
    {
        Directory.CreateDirectory(_temp.DirectoryPath);
        await using (var connection = new SqliteConnection($"Data Source={_temp.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(_ct);
            await using var command = connection.CreateCommand();
            command.CommandText = ResultStoreSchema.Migrations[0] + ResultStoreSchema.Migrations[1] + """
                PRAGMA user_version = 2;
                INSERT INTO workloads (id, cluster, namespace, kind, name, updated_at) VALUES (1, 'prod', 'web', 'Deployment', 'shop', 0), (2, 'prod', 'web', 'Deployment', 'idle', 0);
                INSERT INTO containers VALUES (1, 0, 'app', 'shop:1', 'shop', 'sha256:aa', NULL, 0), (1, 1, 'init', 'shop:1', 'shop', 'sha256:aa', NULL, 1), (1, 2, 'proxy', 'envoy:1', 'envoy', 'sha256:bb', NULL, 0);
                INSERT INTO images VALUES ('sha256:aa', 'db-1', NULL, 0, NULL, 1, 2, 0, 0, 0, 2), ('sha256:cc', 'db-1', NULL, 0, NULL, 5, 0, 0, 0, 0, 0);
                INSERT INTO findings (digest, vuln_id, aliases, package_name, package_version, package_type, ecosystem, purl, severity, refs) VALUES
                    ('sha256:aa', 'CVE-1', '[]', 'a', '1', 0, '', '', 4, '[]'), ('sha256:aa', 'CVE-2', '[]', 'b', '1', 0, '', '', 3, '[]'),
                    ('sha256:aa', 'CVE-2', '[]', 'c', '1', 0, '', '', 3, '[]'), ('sha256:cc', 'CVE-3', '[]', 'd', '1', 0, '', '', 4, '[]');
                """;
            await command.ExecuteNonQueryAsync(_ct);
        }

        var overview = await Store.GetOverviewAsync(_ct);
        var worst = await Store.GetWorstWorkloadsAsync(10, _ct);

        // The init container runs the same digest: counted once. sha256:cc runs nowhere: not counted.
        Assert.Equal(new SeverityCounts(1, 2, 0, 0, 0, 2), overview.Counts);
        Assert.Equal(2, overview.Workloads);
        Assert.Equal(1, overview.AffectedWorkloads);
        Assert.Equal(2, overview.DistinctVulnerabilities);
        var shop = Assert.Single(worst);
        Assert.Equal("shop", shop.Key.Name);
        Assert.Equal((2, 1), (shop.Images, shop.ScannedImages));
        await AssertSummariesMatchRecountAsync();
    }

    [Fact]
    public async Task Paged_search_adds_up_to_the_whole_in_a_stable_order()
    {
        var now = _temp.Time.GetUtcNow();
        for (var i = 0; i < 7; i++)
        {
            await Store.UpsertWorkloadAsync(Workload("web", $"app-{i}"), [Container("app", "docker.io/library/nginx", i % 2 == 0 ? NginxDigest : RedisDigest)], _ct);
        }

        await Store.ReplaceFindingsAsync(Scan(NginxDigest, now), [Finding("CVE-2024-0001", "openssl", Severity.Critical), Finding("CVE-2024-0002", "openssl", Severity.Low)], _ct);
        await Store.ReplaceFindingsAsync(Scan(RedisDigest, now), [Finding("CVE-2024-0003", "openssl", Severity.High)], _ct);

        var whole = await Store.SearchAsync("openssl", SearchKind.Package, 100, _ct);
        var pages = new List<SearchResult>();
        for (var offset = 0; offset < whole.TotalHits; offset += 3)
        {
            pages.Add(await Store.SearchAsync("openssl", SearchKind.Package, offset, 3, _ct));
        }

        Assert.Equal(4 * 2 + 3, whole.TotalHits);
        Assert.False(whole.HasMore);
        Assert.Equal(4, pages.Count);
        Assert.All(pages, p => Assert.Equal((whole.TotalHits, 7), (p.TotalHits, p.AffectedWorkloads)));
        Assert.Equal([true, true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal([0, 3, 6, 9], pages.Select(p => p.Offset));
        Assert.Equal(
            whole.Hits.Select(h => (h.Workload.Name, h.Finding!.Id)),
            pages.SelectMany(p => p.Hits).Select(h => (h.Workload.Name, h.Finding!.Id)));
        Assert.Empty((await Store.SearchAsync("openssl", SearchKind.Package, 50, 3, _ct)).Hits);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SearchAsync("openssl", null, -1, 3, _ct));
    }

    private async Task AssertSummariesMatchRecountAsync()
    {
        Assert.Equal(
            await RowsAsync("SELECT workload_id, critical, high, medium, low, unknown, fixable, images, scanned FROM workload_counts ORDER BY workload_id;"),
            await RowsAsync("SELECT workload_id, critical, high, medium, low, unknown, fixable, images, scanned FROM workload_totals ORDER BY workload_id;"));
        Assert.Equal(
            await RowsAsync("SELECT vuln_id, COUNT(DISTINCT digest) FROM findings WHERE digest IN (SELECT digest FROM containers) GROUP BY vuln_id ORDER BY vuln_id;"),
            await RowsAsync("SELECT vuln_id, images FROM running_vulnerabilities ORDER BY vuln_id;"));
    }

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_temp.DatabasePath};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync(_ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(_ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(_ct))
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private async Task<int> ScalarAsync(string sql) => int.Parse((await RowsAsync(sql)).Single(), System.Globalization.CultureInfo.InvariantCulture);
}
