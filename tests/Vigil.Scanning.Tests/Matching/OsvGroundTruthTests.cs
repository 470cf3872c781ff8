using System.Diagnostics;
using System.Text.Json;
using Vigil.Core;
using Vigil.Scanning.Matching;
using Vigil.Testing;
using Vigil.VulnDb.Index;
using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Storage;
using Vigil.VulnDb.Storage.Sqlite;
using Xunit.Abstractions;

namespace Vigil.Scanning.Tests.Matching;

/// <summary>
/// Acceptance: the real OSV records in <c>../shared/data</c> imported as a user would, then every recorded osv.dev answer
/// whose expected records are all staged is checked for misses and extras.
/// </summary>
public sealed class OsvGroundTruthTests(ITestOutputHelper output)
{
    private static readonly string[] SchemaViolatingPyPi =
        ["PYSEC-2017-27", "PYSEC-2019-155", "PYSEC-2021-371", "PYSEC-2021-424", "PYSEC-2021-425", "PYSEC-2021-436", "PYSEC-2023-80"];

    private static readonly HashSet<string> OsEcosystems = new(StringComparer.Ordinal)
    {
        "Debian", "Ubuntu", "Alpine", "AlmaLinux", "Rocky Linux", "Red Hat", "openSUSE", "SUSE", "Wolfi", "Chainguard",
    };

    // Differences with osv.dev that are explained by the staged data, not by matching (see the report of issue 4).
    private static readonly Dictionary<string, string> ExplainedExtras = new(StringComparer.Ordinal)
    {
        // The staged copies are the 2024-07-22 versions, which list 3.4.0 explicitly; osv.dev's 2026 answer no longer
        // returned them for 3.4.0 (its current versions of these two KeyTrap advisories differ from the staged ones).
        ["Maven dnsjava:dnsjava 3.4.0 GHSA-crjg-w57m-rqqf"] = "stale staged record",
        ["Maven dnsjava:dnsjava 3.4.0 GHSA-mmwx-rj87-vfgr"] = "stale staged record",
    };

    [SharedDataFact]
    public async Task Recorded_osv_dev_answers_are_reproduced_from_the_staged_records()
    {
        var data = Path.Combine(RepositoryPaths.SharedDirectory!, "data");
        var dir = Path.Combine(Path.GetTempPath(), "vigil-groundtruth-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            using var store = new SqliteAdvisoryStore(Path.Combine(dir, "db.sqlite"));
            var malformed = new List<MalformedRecord>();
            var watch = Stopwatch.StartNew();
            foreach (var zip in Directory.GetFiles(Path.Combine(data, "osv"), "*.zip").Concat(Directory.GetFiles(Path.Combine(data, "osv-converted"), "*.zip")).Order(StringComparer.Ordinal))
            {
                var result = await store.ImportAsync(new ImportRequest("import:" + zip, ImportMode.Replace), OsvDocumentReader.ReadPathAsync(zip, default), default);
                malformed.AddRange(result.Malformed);
            }

            var version = await store.GetVersionAsync(default);
            output.WriteLine($"import: {watch.Elapsed.TotalSeconds:F1} s, {version.AdvisoryCount} records, {new FileInfo(store.DatabasePath).Length / 1024 / 1024} MiB, malformed: {string.Join(", ", malformed.Select(m => m.Id).Distinct())}");
            Assert.Equal(SchemaViolatingPyPi, malformed.Select(m => m.Id).Distinct().Order(StringComparer.Ordinal));
            Assert.All(malformed, m => Assert.False(m.Skipped));

            using var index = new AdvisoryIndex(store);
            var matcher = new VulnerabilityMatcher(index, MatcherCatalog.CreateDefault());
            var (checkedCount, differences) = await CheckAsync(matcher, Path.Combine(data, "groundtruth", "queries_dedup.jsonl"));
            foreach (var difference in differences)
            {
                output.WriteLine(difference);
            }

            output.WriteLine($"checked {checkedCount} queries, {differences.Count} differences");
            Assert.True(checkedCount > 300);
            Assert.Empty(differences);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private async Task<(int Checked, List<string> Differences)> CheckAsync(VulnerabilityMatcher matcher, string queriesPath)
    {
        var differences = new List<string>();
        var checkedCount = 0;
        foreach (var line in await File.ReadAllLinesAsync(queriesPath))
        {
            using var query = JsonDocument.Parse(line);
            var root = query.RootElement;
            var expected = root.GetProperty("expected_ids").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
            var staged = root.GetProperty("ids_with_record_in_staged_osv").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
            if (root.GetProperty("ecosystem").GetString() is not { } ecosystemText || root.GetProperty("name").GetString() is not { } name
                || root.GetProperty("version").GetString() is not { } version || !expected.SetEquals(staged))
            {
                // Commit and purl queries, and queries expecting records that are not staged, cannot be checked strictly.
                continue;
            }

            checkedCount++;
            var ecosystem = Ecosystem.Parse(ecosystemText);
            var type = OsEcosystems.Contains(ecosystem.Name) ? PackageType.Os : PackageType.Library;
            var package = new Package(ecosystem, name, version, type, $"pkg:generic/{name}@{version}");
            var result = await matcher.MatchPackageAsync(package, default);
            var found = result.Findings.SelectMany(f => f.AdvisoryIds).ToHashSet(StringComparer.Ordinal);

            // osv-converted records (x_ ids) are approximations made for load tests; osv.dev has no such records.
            found.RemoveWhere(id => id.StartsWith("x_", StringComparison.Ordinal));
            var missing = expected.Except(found).Order(StringComparer.Ordinal).ToList();
            var extra = found.Except(expected).Where(id => !IsExplained(result.Findings, id, $"{ecosystemText} {name} {version} {id}")).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0 || extra.Count > 0)
            {
                differences.Add($"{ecosystemText} {name} {version}: missing [{string.Join(", ", missing)}] extra [{string.Join(", ", extra)}]");
            }
        }

        return (checkedCount, differences);
    }

    private bool IsExplained(IReadOnlyList<Finding> findings, string id, string key)
    {
        // The Go vulnerability database exports entries that are not yet published with zero timestamps; osv.dev had not
        // published them when the answers were recorded, but they are real (with fixed versions), so Vigil reports them.
        var finding = findings.First(f => f.AdvisoryIds.Contains(id));
        var unpublished = finding.Published is { Year: 1 } && id.StartsWith("GO-", StringComparison.Ordinal);
        if (unpublished || ExplainedExtras.ContainsKey(key))
        {
            output.WriteLine($"explained extra: {key} ({(unpublished ? "unpublished Go entry" : ExplainedExtras[key])})");
            return true;
        }

        return false;
    }
}
