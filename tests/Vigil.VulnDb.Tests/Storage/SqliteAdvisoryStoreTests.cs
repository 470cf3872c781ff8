using Microsoft.Data.Sqlite;
using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Storage;
using Vigil.VulnDb.Storage.Sqlite;

namespace Vigil.VulnDb.Tests.Storage;

public sealed class SqliteAdvisoryStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteAdvisoryStore _store;

    public SqliteAdvisoryStoreTests() => _store = new SqliteAdvisoryStore(_dir.File("vulndb.sqlite"));

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Finds_records_by_ecosystem_and_normalized_name()
    {
        await Import(ImportMode.Replace, OsvJson.Record("PYSEC-1", "PyPI", "Foo_Bar.baz"), OsvJson.Record("GHSA-1", "npm", "lodash"));

        var pypi = await _store.FindAsync("PyPI", "foo-bar-baz", default);
        Assert.Equal("PYSEC-1", Assert.Single(pypi).Id);
        Assert.Single(await _store.FindAsync("PyPI", "FOO.bar_baz", default));
        Assert.Empty(await _store.FindAsync("npm", "Lodash", default));
        Assert.Contains("foo-bar-baz", await _store.GetPackageNamesAsync("PyPI", default));
    }

    [Fact]
    public async Task Finds_many_names_in_one_query_sharing_records_that_name_several()
    {
        var both = OsvJson.Record("GHSA-2", "npm", "a");
        var node = System.Text.Json.Nodes.JsonNode.Parse(both)!;
        node["affected"]!.AsArray().Add(OsvJson.Affected("npm", "b", "SEMVER", ["introduced:0"]));
        await Import(ImportMode.Replace, OsvJson.Record("GHSA-1", "npm", "a"), node.ToJsonString(), OsvJson.Record("PYSEC-1", "PyPI", "Foo_Bar"));

        var found = await _store.FindManyAsync("npm", ["a", "b", "missing", "a"], default);

        Assert.Equal(["GHSA-1", "GHSA-2"], found["a"].Select(r => r.Id));
        Assert.Equal("GHSA-2", Assert.Single(found["b"]).Id);
        Assert.Same(found["a"][1], found["b"][0]);
        Assert.False(found.ContainsKey("missing"));
        Assert.Equal("PYSEC-1", Assert.Single((await _store.FindManyAsync("PyPI", ["foo.bar"], default))["foo-bar"]).Id);
        Assert.Empty(await _store.FindManyAsync("npm", [], default));
    }

    [Fact]
    public async Task Replace_import_removes_what_the_source_no_longer_has_and_changes_the_fingerprint()
    {
        var first = await Import(ImportMode.Replace, OsvJson.Record("A-1", "npm", "a"), OsvJson.Record("A-2", "npm", "b"));
        var second = await Import(ImportMode.Replace, OsvJson.Record("A-1", "npm", "a"));

        Assert.Equal(1, second.Removed);
        Assert.Equal(1, second.Unchanged);
        Assert.NotEqual(first.Version.Fingerprint, second.Version.Fingerprint);
        Assert.Null(await _store.GetAsync("A-2", default));
        Assert.Equal(1, (await _store.GetVersionAsync(default)).AdvisoryCount);
    }

    [Fact]
    public async Task Importing_the_same_content_again_keeps_the_fingerprint()
    {
        var changes = 0;
        _store.Changed += (_, _) => changes++;
        var first = await Import(ImportMode.Replace, OsvJson.Record("A-1", "npm", "a"));
        var again = await Import(ImportMode.Replace, OsvJson.Record("A-1", "npm", "a"));

        Assert.Equal(first.Version.Fingerprint, again.Version.Fingerprint);
        Assert.False(again.Changed);
        Assert.Equal(1, changes);
        Assert.Equal(64, first.Version.Fingerprint.Length);
    }

    [Fact]
    public async Task Merge_import_keeps_other_records_and_changed_content_changes_the_fingerprint()
    {
        var first = await Import(ImportMode.Replace, OsvJson.Record("A-1", "npm", "a"), OsvJson.Record("A-2", "npm", "b"));
        var merged = await Import(ImportMode.Merge, OsvJson.Record("A-1", "npm", "a", events: ["introduced:0", "fixed:2.0.0"]));

        Assert.Equal(1, merged.Stored);
        Assert.NotEqual(first.Version.Fingerprint, merged.Version.Fingerprint);
        Assert.NotNull(await _store.GetAsync("A-2", default));
        Assert.Equal("2.0.0", (await _store.GetAsync("A-1", default))!.Affected![0].Ranges![0].Events![1].Fixed);
    }

    [Fact]
    public async Task Withdrawn_records_are_left_out_and_removed_when_present()
    {
        await Import(ImportMode.Replace, OsvJson.Record("A-1", "npm", "a"), OsvJson.Record("A-2", "npm", "b"));
        var result = await Import(ImportMode.Merge, OsvJson.Record("A-1", "npm", "a", withdrawn: "2024-02-01T00:00:00Z"), OsvJson.Record("A-3", "npm", "c", withdrawn: "2024-02-01T00:00:00Z"));

        Assert.Equal(2, result.Withdrawn);
        Assert.Equal(1, result.Removed);
        Assert.Null(await _store.GetAsync("A-1", default));
        Assert.Null(await _store.GetAsync("A-3", default));
        Assert.Empty(await _store.FindAsync("npm", "a", default));
    }

    [Fact]
    public async Task Malformed_documents_are_counted_and_reported_without_stopping_the_import()
    {
        var badGit = OsvJson.Record("PYSEC-BAD", "PyPI", "x").Replace(
            "\"affected\":[",
            "\"affected\":[{\"package\":{\"ecosystem\":\"PyPI\",\"name\":\"y\"},\"ranges\":[{\"type\":\"GIT\",\"repo\":\"https://x\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"abc.patch\"}]}]},",
            StringComparison.Ordinal);
        var result = await Import(
            ImportMode.Replace,
            "{ not json",
            "{\"modified\":\"2024-01-01T00:00:00Z\"}",
            "null",
            "[1,2]",
            OsvJson.Record("TWO-KEYS", "npm", "t", events: ["introduced:0"]).Replace("{\"introduced\":\"0\"}", "{\"introduced\":\"0\",\"fixed\":\"1\"}", StringComparison.Ordinal),
            badGit,
            OsvJson.Record("GOOD", "npm", "good"));

        Assert.Equal(6, result.Malformed.Count);
        Assert.Equal(4, result.Malformed.Count(m => m.Skipped));
        var git = Assert.Single(result.Malformed, m => m.Id == "PYSEC-BAD");
        Assert.Contains(git.Problems, p => p.Contains("not a full commit hash", StringComparison.Ordinal));
        Assert.False(git.Skipped);
        Assert.NotNull(await _store.GetAsync("GOOD", default));

        // The record with a bad GIT range keeps its valid ECOSYSTEM range.
        var stored = await _store.GetAsync("PYSEC-BAD", default);
        Assert.Single(stored!.Affected!, a => a.Package!.Name == "x" && a.Ranges!.Count == 1);
        Assert.Empty(stored.Affected!.Single(a => a.Package!.Name == "y").Ranges!);
    }

    [Fact]
    public async Task A_failing_import_leaves_the_previous_content()
    {
        var before = await Import(ImportMode.Replace, OsvJson.Record("A-1", "npm", "a"));

        await Assert.ThrowsAsync<IOException>(() => _store.ImportAsync(new ImportRequest("test", ImportMode.Replace), Failing(), default));

        var after = await _store.GetVersionAsync(default);
        Assert.Equal(before.Version.Fingerprint, after.Fingerprint);
        Assert.NotNull(await _store.GetAsync("A-1", default));
        Assert.Null(await _store.GetAsync("B-1", default));

        static async IAsyncEnumerable<OsvDocument> Failing()
        {
            await Task.Yield();
            yield return OsvJson.Document(OsvJson.Record("B-1", "npm", "b"));
            throw new IOException("connection reset");
        }
    }

    [Fact]
    public async Task Records_shared_by_two_sources_stay_until_both_drop_them()
    {
        await _store.ImportAsync(new ImportRequest("one", ImportMode.Replace), OsvJson.Documents(OsvJson.Record("A-1", "npm", "a")), default);
        await _store.ImportAsync(new ImportRequest("two", ImportMode.Replace), OsvJson.Documents(OsvJson.Record("A-1", "npm", "a")), default);
        await _store.ImportAsync(new ImportRequest("one", ImportMode.Replace), OsvJson.Documents(), default);

        Assert.NotNull(await _store.GetAsync("A-1", default));
        var status = await _store.GetStatusAsync(default);
        Assert.Equal([0L, 1L], status.Sources.Select(s => s.RecordCount));
    }

    [Fact]
    public async Task Status_counts_records_per_ecosystem_and_keeps_source_state()
    {
        var state = new SourceState("osv:npm") { ETag = "\"abc\"", Watermark = DateTimeOffset.Parse("2024-05-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture) };
        await _store.ImportAsync(
            new ImportRequest("osv:npm", ImportMode.Replace) { Location = "https://mirror/npm/all.zip", State = state },
            OsvJson.Documents(OsvJson.Record("A-1", "npm", "a"), OsvJson.Record("A-2", "npm", "b"), OsvJson.Record("D-1", "Debian:12", "openssl")),
            default);

        var status = await _store.GetStatusAsync(default);
        Assert.Equal(new KeyValuePair<string, long>("npm", 2), status.EcosystemCounts[0]);
        Assert.Contains(new KeyValuePair<string, long>("Debian", 1), status.EcosystemCounts);
        var source = Assert.Single(status.Sources);
        Assert.Equal("\"abc\"", source.ETag);
        Assert.Equal(state.Watermark, source.Watermark);
        Assert.Equal("https://mirror/npm/all.zip", source.Location);
        Assert.Equal(3, source.RecordCount);
        Assert.Equal(1, status.Version.SchemaVersion);
        Assert.True(status.SizeBytes > 0);
    }

    [Fact]
    public async Task A_database_from_a_newer_schema_is_refused()
    {
        await Import(ImportMode.Replace, OsvJson.Record("A-1", "npm", "a"));
        await using (var connection = new SqliteConnection($"Data Source={_store.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (99, 'later');";
            await command.ExecuteNonQueryAsync();
        }

        using var reopened = new SqliteAdvisoryStore(_store.DatabasePath);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reopened.GetVersionAsync(default));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    private Task<ImportResult> Import(ImportMode mode, params string[] jsons) =>
        _store.ImportAsync(new ImportRequest("test", mode), OsvJson.Documents(jsons), default);
}
