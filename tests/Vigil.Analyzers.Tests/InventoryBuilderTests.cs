using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Vigil.Analyzers.Abstractions;
using Vigil.Analyzers.Tests.Support;
using Vigil.Core;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Tests;

public sealed class InventoryBuilderTests
{
    private const string OsRelease = "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n";
    private const string Status = "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nSource: glibc\nVersion: 2.36-9+deb12u4\n\n";
    private static readonly Digest Layer0 = Digest.Sha256("layer0"u8);
    private static readonly Digest Layer1 = Digest.Sha256("layer1"u8);
    private static readonly ArtifactInfo Artifact = new("test:latest", ArtifactKind.Image);

    [Fact]
    public async Task OsPackages_GetReleaseEcosystemAndDistroQualifier()
    {
        var builder = new InventoryBuilder(AnalyzerCatalog.CreateAll());
        await VisitAsync(builder, "/etc/os-release", OsRelease, 0);
        await VisitAsync(builder, "/var/lib/dpkg/status", Status, 0);
        await VisitAsync(builder, "/app/node_modules/lodash/package.json", """{"name":"lodash","version":"4.17.15"}""", 1);
        var fs = new FakeLayeredFileSystem().Write("/etc/os-release", 0).Write("/var/lib/dpkg/status", 0).Write("/app/node_modules/lodash/package.json", 1);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

        var inventory = builder.Build(fs, Artifact, clock);

        Assert.Equal("Debian:12", inventory.Os!.Ecosystem.ToString());
        Assert.Equal("bookworm", inventory.Os.Codename);
        Assert.Equal(clock.GetUtcNow(), inventory.CreatedAt);
        var libc = inventory.Packages[0];
        Assert.Equal("Debian:12", libc.Ecosystem.ToString());
        Assert.Equal("pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64&distro=debian-12", libc.Purl);
        Assert.Equal(("dpkg", "/var/lib/dpkg/status", (Digest?)Layer0), (libc.AnalyzerId, libc.FilePath, libc.LayerDigest));
        var lodash = inventory.Packages[1];
        Assert.Equal(("npm", "lodash", "npm-package", (Digest?)Layer1), (lodash.Ecosystem.ToString(), lodash.Name, lodash.AnalyzerId, lodash.LayerDigest));
        Assert.Equal(AnalyzerCatalog.CreateAll().Count, inventory.AnalyzerVersions.Count);
        Assert.Equal(1, inventory.AnalyzerVersions["dpkg"]);
    }

    [Fact]
    public async Task UbuntuImage_DpkgPackagesAreUbuntu()
    {
        var builder = new InventoryBuilder(AnalyzerCatalog.CreateAll());
        await VisitAsync(builder, "/etc/os-release", "ID=ubuntu\nVERSION_ID=\"22.04\"\nVERSION=\"22.04.4 LTS (Jammy Jellyfish)\"\n", 0);
        await VisitAsync(builder, "/var/lib/dpkg/status", Status, 0);

        var inventory = builder.Build(null, Artifact, TimeProvider.System);

        var libc = Assert.Single(inventory.Packages);
        Assert.Equal("Ubuntu:22.04:LTS", libc.Ecosystem.ToString());
        Assert.Equal("pkg:deb/ubuntu/libc6@2.36-9+deb12u4?arch=amd64&distro=ubuntu-22.04", libc.Purl);
    }

    [Fact]
    public async Task WhiteoutsAndOverwrites_KeepOnlySurvivingFiles()
    {
        var builder = new InventoryBuilder(AnalyzerCatalog.CreateAll());
        await VisitAsync(builder, "/app/node_modules/lodash/package.json", """{"name":"lodash","version":"4.17.15"}""", 0);
        await VisitAsync(builder, "/app/node_modules/minimist/package.json", """{"name":"minimist","version":"1.2.0"}""", 0);
        await VisitAsync(builder, "/app/node_modules/minimist/package.json", """{"name":"minimist","version":"1.2.8"}""", 1);
        var fs = new FakeLayeredFileSystem()
            .Write("/app/node_modules/lodash/package.json", 0).Delete("/app/node_modules/lodash/package.json")
            .Write("/app/node_modules/minimist/package.json", 0).Write("/app/node_modules/minimist/package.json", 1);

        var inventory = builder.Build(fs, Artifact, TimeProvider.System);

        Assert.Equal("minimist@1.2.8", Assert.Single(inventory.Packages.Select(p => $"{p.Name}@{p.Version}")));
        Assert.Null(inventory.Os);
    }

    [Fact]
    public async Task ThrowingAnalyzer_BecomesWarningNamingTheFile_OthersStillRun()
    {
        var good = new FakeAnalyzer("good", _ => AnalysisResult.Of([new Package(Ecosystem.Npm, "x", "1.0.0", PackageType.Library, "pkg:npm/x@1.0.0")]));
        var bad = new FakeAnalyzer("bad", _ => throw new NullReferenceException("boom"));
        var builder = new InventoryBuilder([bad, good]);

        await VisitAsync(builder, "/some/file", "content", 0);
        var inventory = builder.Build(null, Artifact, TimeProvider.System);

        Assert.Single(inventory.Packages);
        var warning = Assert.Single(inventory.Warnings);
        Assert.Equal("/some/file", warning.Source);
        Assert.Contains("bad", warning.Message, StringComparison.Ordinal);
        Assert.Contains("boom", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidData_BecomesWarning()
    {
        var builder = new InventoryBuilder(AnalyzerCatalog.CreateAll());

        await VisitAsync(builder, "/app/node_modules/x/package.json", "{broken", 0);
        var inventory = builder.Build(null, Artifact, TimeProvider.System);

        Assert.Empty(inventory.Packages);
        Assert.Equal("/app/node_modules/x/package.json", Assert.Single(inventory.Warnings).Source);
    }

    [Theory]
    [InlineData(1024L * 1024)]
    [InlineData(4L)]
    public async Task SharedFile_IsReadOnceAndGivenToEachAnalyzer(long memoryLimit)
    {
        var seen = new List<string>();
        var readAll = new Func<AnalysisInput, AnalysisResult>(input =>
        {
            using var reader = new StreamReader(input.Content, leaveOpen: true);
            lock (seen)
            {
                seen.Add(reader.ReadToEnd());
            }

            return AnalysisResult.Empty;
        });
        var builder = new InventoryBuilder([new FakeAnalyzer("a", readAll), new FakeAnalyzer("b", readAll)], new InventoryBuilderOptions { MemoryBufferLimit = memoryLimit });

        await VisitAsync(builder, "/bin/tool", "the whole file content", 0);

        Assert.Equal(["the whole file content", "the whole file content"], seen);
    }

    [Fact]
    public async Task ConcurrentLayers_AreAllRecorded_AndOutputIsDeterministic()
    {
        var builder = new InventoryBuilder(AnalyzerCatalog.CreateAll());
        var fs = new FakeLayeredFileSystem();
        var tasks = new List<Task>();
        for (var layer = 0; layer < 8; layer++)
        {
            var l = layer;
            tasks.Add(Task.Run(async () =>
            {
                for (var i = 0; i < 50; i++)
                {
                    await VisitAsync(builder, $"/l{l}/node_modules/p{i}/package.json", $$"""{"name":"p{{i}}","version":"1.0.{{l}}"}""", l);
                }
            }));
            for (var i = 0; i < 50; i++)
            {
                fs.Write($"/l{l}/node_modules/p{i}/package.json", l);
            }
        }

        await Task.WhenAll(tasks);
        var first = builder.Build(fs, Artifact, TimeProvider.System);
        var second = builder.Build(fs, Artifact, TimeProvider.System);

        Assert.Equal(400, first.Packages.Count);
        Assert.Equal(first.Packages.Select(p => p.Purl + p.FilePath), second.Packages.Select(p => p.Purl + p.FilePath));
        Assert.Equal(first.Packages.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Version, StringComparer.Ordinal).Select(p => p.Purl), first.Packages.Select(p => p.Purl));
    }

    [Fact]
    public async Task SamePackageTwiceInOneFile_IsDeduplicated()
    {
        var twice = new FakeAnalyzer("twice", _ => AnalysisResult.Of(
        [
            new Package(Ecosystem.Npm, "x", "1.0.0", PackageType.Library, "pkg:npm/x@1.0.0"),
            new Package(Ecosystem.Npm, "x", "1.0.0", PackageType.Library, "pkg:npm/x@1.0.0"),
        ]));
        var builder = new InventoryBuilder([twice]);

        await VisitAsync(builder, "/f", "x", 0);

        Assert.Single(builder.Build(null, Artifact, TimeProvider.System).Packages);
    }

    [Fact]
    public async Task NpmLockfile_IsSupersededByInstalledPackagesBesideIt()
    {
        var builder = new InventoryBuilder(AnalyzerCatalog.CreateAll());
        const string Lock = """{"lockfileVersion":3,"packages":{"node_modules/lodash":{"version":"4.17.15"},"node_modules/minimist":{"version":"1.2.0"}}}""";
        await VisitAsync(builder, "/app/package-lock.json", Lock, 0);
        await VisitAsync(builder, "/app/node_modules/minimist/package.json", """{"name":"minimist","version":"1.2.0"}""", 0);
        await VisitAsync(builder, "/srv/package-lock.json", Lock, 0);

        var inventory = builder.Build(null, Artifact, TimeProvider.System);

        Assert.Equal(
            ["lodash@4.17.15 /srv/package-lock.json", "minimist@1.2.0 /app/node_modules/minimist/package.json", "minimist@1.2.0 /srv/package-lock.json"],
            inventory.Packages.Select(p => $"{p.Name}@{p.Version} {p.FilePath}"));
    }

    [Fact]
    public void Wants_AsksEveryAnalyzer()
    {
        var builder = new InventoryBuilder(AnalyzerCatalog.CreateAll());

        Assert.True(builder.Wants(AnalyzerRunner.File("/var/lib/dpkg/status")));
        Assert.True(builder.Wants(AnalyzerRunner.File("/etc/os-release")));
        Assert.False(builder.Wants(AnalyzerRunner.File("/usr/share/doc/README")));
    }

    [Fact]
    public void DuplicateIds_Throw()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new InventoryBuilder([new FakeAnalyzer("x", _ => AnalysisResult.Empty), new FakeAnalyzer("x", _ => AnalysisResult.Empty)]));

        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_HasUniqueIds_AndRegistersInDependencyInjection()
    {
        using var provider = new ServiceCollection().AddVigilAnalyzers().BuildServiceProvider();

        var analyzers = provider.GetServices<IPackageAnalyzer>().ToList();
        Assert.Equal(AnalyzerCatalog.CreateAll().Select(a => a.Id), analyzers.Select(a => a.Id));
        Assert.Equal(analyzers.Count, analyzers.Select(a => a.Id).Distinct().Count());
        Assert.NotSame(provider.GetRequiredService<InventoryBuilder>(), provider.GetRequiredService<InventoryBuilder>());
    }

    private static async Task VisitAsync(InventoryBuilder builder, string path, string content, int layer)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var entry = new FileEntry(path, bytes.Length, UnixFileMode.UserRead, layer, layer == 0 ? Layer0 : Layer1);
        if (builder.Wants(entry))
        {
            await builder.VisitAsync(entry, new ForwardOnlyStream(bytes), CancellationToken.None);
        }
    }

    private sealed class FakeAnalyzer(string id, Func<AnalysisInput, AnalysisResult> analyze) : IPackageAnalyzer
    {
        public string Id => id;

        public int Version => 1;

        public bool IsRequired(FileEntry file) => true;

        public ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken) => ValueTask.FromResult(analyze(input));
    }
}
