using Microsoft.Extensions.Options;
using Vigil.Core;
using Vigil.Scanning.Sbom;

namespace Vigil.Scanning.Tests.Sbom;

public sealed class SbomCacheTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"vigil-sbom-cache-{Guid.NewGuid():N}");

    private SbomCache Cache => new(Options.Create(new SbomCacheOptions { Directory = _directory }));

    [Fact]
    public async Task PutThenGet_ByKeyAndByArtifact()
    {
        var inventory = InventorySamples.Image();
        await Cache.PutAsync(inventory, CancellationToken.None);

        var byKey = await Cache.GetAsync(SbomCacheKey.For(inventory), CancellationToken.None);
        var byArtifact = await Cache.GetAsync(inventory.Artifact, inventory.AnalyzerVersions, CancellationToken.None);

        Assert.Equal(inventory.Packages.Select(p => p.Purl), byKey!.Packages.Select(p => p.Purl));
        Assert.Equal(inventory.Artifact.ManifestDigest, byArtifact!.Artifact.ManifestDigest);
    }

    [Fact]
    public async Task NewerAnalyzer_OrOtherPlatform_IsAMiss()
    {
        var inventory = InventorySamples.Image();
        await Cache.PutAsync(inventory, CancellationToken.None);

        var newer = new Dictionary<string, int>(inventory.AnalyzerVersions) { ["dpkg"] = 2 };
        Assert.Null(await Cache.GetAsync(inventory.Artifact, newer, CancellationToken.None));
        Assert.Null(await Cache.GetAsync(inventory.Artifact with { Platform = Platform.Parse("linux/arm64") }, inventory.AnalyzerVersions, CancellationToken.None));
        Assert.Null(await Cache.GetAsync(inventory.Artifact with { ManifestDigest = null }, inventory.AnalyzerVersions, CancellationToken.None));
    }

    [Fact]
    public async Task Pin_ResolvesARequestedDigestPerPlatform_UnderTheCurrentAnalyzersOnly()
    {
        var inventory = InventorySamples.Image();
        var index = Digest.Sha256("an index"u8);
        await Cache.PutAsync(inventory, CancellationToken.None);
        await Cache.PinAsync(index, Platform.Default, SbomCacheKey.For(inventory), CancellationToken.None);

        var pinned = await Cache.GetPinnedAsync(index, Platform.Default, inventory.AnalyzerVersions, CancellationToken.None);

        Assert.Equal(inventory.Artifact.ManifestDigest, pinned!.Artifact.ManifestDigest);
        Assert.Null(await Cache.GetPinnedAsync(index, Platform.Parse("linux/arm64"), inventory.AnalyzerVersions, CancellationToken.None));
        Assert.Null(await Cache.GetPinnedAsync(Digest.Sha256("another"u8), Platform.Default, inventory.AnalyzerVersions, CancellationToken.None));
        var newer = new Dictionary<string, int>(inventory.AnalyzerVersions) { ["dpkg"] = 2 };
        Assert.Null(await Cache.GetPinnedAsync(index, Platform.Default, newer, CancellationToken.None));
    }

    [Fact]
    public async Task Pin_ThatIsCorrupt_IsAMiss()
    {
        var inventory = InventorySamples.Image();
        var index = Digest.Sha256("an index"u8);
        await Cache.PutAsync(inventory, CancellationToken.None);
        await Cache.PinAsync(index, Platform.Default, SbomCacheKey.For(inventory), CancellationToken.None);
        foreach (var pin in Directory.EnumerateFiles(Path.Combine(_directory, "pins")))
        {
            await File.WriteAllTextAsync(pin, "sha256:not-a-digest\nlinux\n");
        }

        Assert.Null(await Cache.GetPinnedAsync(index, Platform.Default, inventory.AnalyzerVersions, CancellationToken.None));
    }

    [Fact]
    public void Key_IgnoresAnalyzerOrder()
    {
        var digest = Digest.Sha256("m"u8);
        var a = new SbomCacheKey(digest, Platform.Default, new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 });
        var b = new SbomCacheKey(digest, Platform.Default, new Dictionary<string, int> { ["b"] = 2, ["a"] = 1 });

        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, (a with { Platform = null }).Hash);
    }

    [Fact]
    public async Task Enumerate_ReturnsEveryReadableEntry_SkipsCorruptOnes()
    {
        await Cache.PutAsync(InventorySamples.Image("a", manifestSeed: "a"), CancellationToken.None);
        await Cache.PutAsync(InventorySamples.Image("b", manifestSeed: "b"), CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(_directory, "deadbeef.inventory.json"), "{ truncated");

        var names = new List<string>();
        await foreach (var inventory in Cache.EnumerateAsync(CancellationToken.None))
        {
            names.Add(inventory.Artifact.Name);
        }

        Assert.Equal(["fixtures/debian:a", "fixtures/debian:b"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CorruptEntry_IsAMiss()
    {
        var inventory = InventorySamples.Image();
        await Cache.PutAsync(inventory, CancellationToken.None);
        await File.WriteAllBytesAsync(Directory.GetFiles(_directory).Single(), [0xff, 0x00, 0x12]);

        Assert.Null(await Cache.GetAsync(SbomCacheKey.For(inventory), CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentPuts_LeaveOneCompleteFile_AndNoTemporaries()
    {
        var inventory = InventorySamples.Image();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Cache.PutAsync(inventory, CancellationToken.None))));

        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.EndsWith(".inventory.json", file, StringComparison.Ordinal);
        Assert.NotNull(await Cache.GetAsync(SbomCacheKey.For(inventory), CancellationToken.None));
    }

    [Fact]
    public async Task Remove_AndNonImageInventories()
    {
        var inventory = InventorySamples.Image();
        await Cache.PutAsync(inventory, CancellationToken.None);

        Assert.True(Cache.Remove(SbomCacheKey.For(inventory)));
        Assert.False(Cache.Remove(SbomCacheKey.For(inventory)));
        await Assert.ThrowsAsync<ArgumentException>(() => Cache.PutAsync(new Inventory(new ArtifactInfo("/dir", ArtifactKind.RootFileSystem), null, []), CancellationToken.None));
    }

    [Fact]
    public async Task MissingDirectory_EnumeratesNothing()
    {
        await foreach (var _ in Cache.EnumerateAsync(CancellationToken.None))
        {
            Assert.Fail("nothing is cached");
        }

        Assert.False(Directory.Exists(_directory));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
