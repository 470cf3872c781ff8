using Vigil.Core;
using Vigil.Scanning.Matching;
using Vigil.VulnDb.Index;
using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Storage;

namespace Vigil.Scanning.Tests.Matching;

/// <summary>A whole inventory is loaded with one store query per ecosystem, and gives the same findings as per-package lookups.</summary>
public sealed class AdvisoryIndexPrefetchTests
{
    private static readonly string[] Records =
    [
        MatchingFixture.Record("GHSA-a", "npm", "lodash", """{"introduced":"0"},{"fixed":"4.17.21"}"""),
        MatchingFixture.Record("GHSA-b", "npm", "minimist", """{"introduced":"0"},{"fixed":"1.2.6"}"""),
        MatchingFixture.Record("PYSEC-c", "PyPI", "PyYAML", """{"introduced":"0"},{"fixed":"5.4"}"""),
        MatchingFixture.Record("DSA-d", "Debian:12", "openssl", """{"introduced":"0"},{"fixed":"3.0.14-1~deb12u1"}"""),
    ];

    private static readonly Package[] Packages =
    [
        MatchingFixture.Library("npm", "lodash", "4.17.15"),
        MatchingFixture.Library("npm", "minimist", "1.2.0"),
        MatchingFixture.Library("npm", "express", "4.0.0"),
        MatchingFixture.Library("PyPI", "pyyaml", "5.3"),
        MatchingFixture.Os("Debian:12", "libssl3", "3.0.11-1~deb12u2", source: "openssl", sourceVersion: "3.0.11-1~deb12u2"),
    ];

    [Fact]
    public async Task Matching_an_inventory_queries_the_store_once_per_ecosystem()
    {
        using var fixture = await MatchingFixture.CreateAsync(Records);
        var counting = new CountingStore(fixture.Store);
        using var index = new AdvisoryIndex(counting);
        var matcher = new VulnerabilityMatcher(index, MatcherCatalog.CreateDefault());

        var result = await matcher.MatchAsync(new Inventory(new ArtifactInfo("test", ArtifactKind.RootFileSystem), null, Packages), default);

        Assert.Equal(3, counting.FindManyCalls);
        Assert.Equal(0, counting.FindCalls);
        Assert.Equal(0, counting.NamesCalls);
        Assert.Equal(["DSA-d", "GHSA-a", "GHSA-b", "PYSEC-c"], result.Findings.Select(f => f.Id).Order(StringComparer.Ordinal));

        // A second inventory with the same names is served from memory.
        await matcher.MatchAsync(new Inventory(new ArtifactInfo("again", ArtifactKind.RootFileSystem), null, Packages), default);
        Assert.Equal(3, counting.FindManyCalls);
    }

    [Fact]
    public async Task Prefetched_and_per_package_lookups_give_the_same_findings()
    {
        using var fixture = await MatchingFixture.CreateAsync(Records);
        var prefetched = await fixture.MatchAsync(Packages);

        using var index = new AdvisoryIndex(fixture.Store);
        var matcher = new VulnerabilityMatcher(index, MatcherCatalog.CreateDefault());
        var oneByOne = new List<Finding>();
        foreach (var package in Packages)
        {
            oneByOne.AddRange((await matcher.MatchPackageAsync(package, default)).Findings);
        }

        Assert.Equal(oneByOne.Select(Describe), prefetched.Findings.Select(Describe));
    }

    [Fact]
    public async Task A_database_change_drops_prefetched_advisories()
    {
        using var fixture = await MatchingFixture.CreateAsync(Records[0]);
        Assert.Single((await fixture.MatchAsync(Packages)).Findings);

        await fixture.ImportAsync(Records[1]);

        Assert.Equal(2, (await fixture.MatchAsync(Packages)).Findings.Count);
    }

    private static string Describe(Finding f) => $"{f.Id} {f.Package.Name} {f.InstalledVersion} {f.FixedVersion}";

    /// <summary>Counts the queries that reach the store.</summary>
    private sealed class CountingStore(IAdvisoryStore inner) : IAdvisoryStore
    {
        public int FindCalls { get; private set; }

        public int FindManyCalls { get; private set; }

        public int NamesCalls { get; private set; }

        public event EventHandler<AdvisoryDbChangedEventArgs>? Changed
        {
            add => inner.Changed += value;
            remove => inner.Changed -= value;
        }

        public Task<ImportResult> ImportAsync(ImportRequest request, IAsyncEnumerable<OsvDocument> documents, CancellationToken cancellationToken) =>
            inner.ImportAsync(request, documents, cancellationToken);

        public Task<IReadOnlyList<OsvRecord>> FindAsync(string ecosystemName, string packageName, CancellationToken cancellationToken)
        {
            FindCalls++;
            return inner.FindAsync(ecosystemName, packageName, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, IReadOnlyList<OsvRecord>>> FindManyAsync(string ecosystemName, IReadOnlyCollection<string> packageNames, CancellationToken cancellationToken)
        {
            FindManyCalls++;
            return inner.FindManyAsync(ecosystemName, packageNames, cancellationToken);
        }

        public Task<IReadOnlySet<string>> GetPackageNamesAsync(string ecosystemName, CancellationToken cancellationToken)
        {
            NamesCalls++;
            return inner.GetPackageNamesAsync(ecosystemName, cancellationToken);
        }

        public Task<OsvRecord?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

        public Task<AdvisoryDbVersion> GetVersionAsync(CancellationToken cancellationToken) => inner.GetVersionAsync(cancellationToken);

        public Task<AdvisoryStoreStatus> GetStatusAsync(CancellationToken cancellationToken) => inner.GetStatusAsync(cancellationToken);

        public Task<SourceState?> GetSourceStateAsync(string source, CancellationToken cancellationToken) => inner.GetSourceStateAsync(source, cancellationToken);
    }
}
