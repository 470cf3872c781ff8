using System.Text;
using Vigil.Core;
using Vigil.Scanning.Sbom;

namespace Vigil.Scanning.Tests.Sbom;

public sealed class InventoryJsonTests
{
    [Fact]
    public async Task RoundTrips_EveryField()
    {
        var inventory = InventorySamples.Image();

        var read = await InventoryJson.DeserializeAsync(new MemoryStream(InventoryJson.Serialize(inventory)), CancellationToken.None);

        Assert.Equal(inventory.Artifact with { Layers = [] }, read.Artifact with { Layers = [] });
        Assert.Equal(inventory.Artifact.Layers, read.Artifact.Layers);
        Assert.Equal(inventory.Os, read.Os);
        Assert.Equal(inventory.CreatedAt, read.CreatedAt);
        Assert.Equal(inventory.Warnings, read.Warnings);
        Assert.Equal(inventory.AnalyzerVersions.OrderBy(a => a.Key), read.AnalyzerVersions.OrderBy(a => a.Key));
        Assert.Equal(inventory.Packages.Count, read.Packages.Count);
        for (var i = 0; i < inventory.Packages.Count; i++)
        {
            Assert.Equal(inventory.Packages[i] with { Licenses = [] }, read.Packages[i] with { Licenses = [] });
            Assert.Equal(inventory.Packages[i].Licenses, read.Packages[i].Licenses);
        }
    }

    [Fact]
    public void IsDeterministic_AndStable()
    {
        var first = Encoding.UTF8.GetString(InventoryJson.Serialize(InventorySamples.Image()));

        Assert.Equal(first, Encoding.UTF8.GetString(InventoryJson.Serialize(InventorySamples.Image())));
        Assert.StartsWith("{\"schemaVersion\":1,\"artifact\":{\"name\":\"fixtures/debian:app\",\"kind\":\"Image\"", first, StringComparison.Ordinal);
        Assert.Contains("\"ecosystem\":\"Debian:12\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("matchName", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("{\"schemaVersion\":99,\"artifact\":{\"name\":\"x\",\"kind\":\"Image\"}}")]
    [InlineData("{\"schemaVersion\":1,\"artifact\":{\"name\":\"x\",\"kind\":\"Image\",\"manifestDigest\":\"md5:abc\"}}")]
    [InlineData("{\"schemaVersion\":1,\"artifact\":{\"name\":\"x\",\"kind\":\"Spaceship\"}}")]
    [InlineData("{\"schemaVersion\":1,\"artifact\":{\"name\":\"x\",\"kind\":\"Image\"},\"packages\":[{\"ecosystem\":\"\",\"name\":\"a\",\"version\":\"1\",\"type\":\"Os\",\"purl\":\"p\"}]}")]
    public async Task BadDocuments_Throw_InvalidData(string json)
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => InventoryJson.DeserializeAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), CancellationToken.None));
    }

    [Fact]
    public async Task EmptyInventory_RoundTrips()
    {
        var inventory = new Inventory(new ArtifactInfo("/rootfs", ArtifactKind.RootFileSystem), null, []);

        var read = await InventoryJson.DeserializeAsync(new MemoryStream(InventoryJson.Serialize(inventory)), CancellationToken.None);

        Assert.Empty(read.Packages);
        Assert.Null(read.Os);
        Assert.Equal(ArtifactKind.RootFileSystem, read.Artifact.Kind);
    }
}
