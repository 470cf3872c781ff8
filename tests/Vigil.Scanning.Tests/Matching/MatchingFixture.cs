using System.Text;
using Vigil.Core;
using Vigil.Scanning.Matching;
using Vigil.VulnDb.Index;
using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Storage;
using Vigil.VulnDb.Storage.Sqlite;

namespace Vigil.Scanning.Tests.Matching;

/// <summary>A tiny SQLite advisory database built from hand-written OSV records, and a matcher over it.</summary>
internal sealed class MatchingFixture : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigil-matching-" + Guid.NewGuid().ToString("N"));

    public MatchingFixture(IEnumerable<IVulnerabilityMatcher>? matchers = null)
    {
        Directory.CreateDirectory(_dir);
        Store = new SqliteAdvisoryStore(Path.Combine(_dir, "db.sqlite"));
        Index = new AdvisoryIndex(Store);
        Matcher = new VulnerabilityMatcher(Index, matchers ?? MatcherCatalog.CreateDefault());
    }

    public SqliteAdvisoryStore Store { get; }

    public AdvisoryIndex Index { get; }

    public VulnerabilityMatcher Matcher { get; }

    public static async Task<MatchingFixture> CreateAsync(params string[] records)
    {
        var fixture = new MatchingFixture();
        await fixture.ImportAsync(records);
        return fixture;
    }

    public Task<ImportResult> ImportAsync(params string[] records) =>
        Store.ImportAsync(new ImportRequest("test", ImportMode.Merge), Documents(records), default);

    public async Task<MatchResult> MatchAsync(params Package[] packages) =>
        await Matcher.MatchAsync(new Inventory(new ArtifactInfo("test", ArtifactKind.RootFileSystem), null, packages), default);

    public static Package Library(string ecosystem, string name, string version) =>
        new(Ecosystem.Parse(ecosystem), name, version, PackageType.Library, $"pkg:generic/{name}@{version}");

    public static Package Os(string ecosystem, string name, string version, string? source = null, string? sourceVersion = null) =>
        new(Ecosystem.Parse(ecosystem), name, version, PackageType.Os, $"pkg:deb/{name}@{version}") { SourceName = source, SourceVersion = sourceVersion };

    /// <summary>A record with one affected package; <paramref name="extra"/> is spliced into the record object.</summary>
    public static string Record(string id, string ecosystem, string name, string events, string extra = "", string rangeType = "ECOSYSTEM", string affectedExtra = "") =>
        $$"""
        {"id":"{{id}}","modified":"2024-01-01T00:00:00Z"{{extra}},
         "affected":[{"package":{"ecosystem":"{{ecosystem}}","name":"{{name}}"},"ranges":[{"type":"{{rangeType}}","events":[{{events}}]}]{{affectedExtra}}}]}
        """;

    public void Dispose()
    {
        Index.Dispose();
        Store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static async IAsyncEnumerable<OsvDocument> Documents(string[] records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return new OsvDocument("test", Encoding.UTF8.GetBytes(record));
        }
    }
}
