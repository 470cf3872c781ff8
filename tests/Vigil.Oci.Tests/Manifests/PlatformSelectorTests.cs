using Vigil.Core;
using Vigil.Oci.Manifests;

namespace Vigil.Oci.Tests.Manifests;

public sealed class PlatformSelectorTests
{
    private static readonly ImageIndex Index = new(MediaTypes.OciIndex,
    [
        Entry(1, new Platform("linux", "amd64")),
        Entry(2, new Platform("linux", "arm", "v7")),
        Entry(3, new Platform("linux", "arm64", "v8")),
        Entry(4, new Platform("unknown", "unknown")),
    ]);

    [Theory]
    [InlineData("linux/amd64", 1)]
    [InlineData("linux/arm/v7", 2)]
    [InlineData("linux/arm64", 3)]
    [InlineData("linux/arm64/v8", 3)]
    public void Picks_the_matching_entry(string platform, int expected) =>
        Assert.Equal(Digest(expected), PlatformSelector.Select(Index, Platform.Parse(platform), "img").Digest);

    [Fact]
    public void Never_picks_attestations_and_lists_what_exists()
    {
        var error = Assert.Throws<ManifestException>(() => PlatformSelector.Select(Index, Platform.Parse("windows/amd64"), "img"));

        Assert.Contains("linux/amd64, linux/arm/v7, linux/arm64/v8, unknown/unknown", error.Message, StringComparison.Ordinal);
    }

    private static Core.Digest Digest(int n) => Core.Digest.Parse("sha256:" + new string((char)('0' + n), 64));

    private static Descriptor Entry(int n, Platform platform) => new(MediaTypes.OciManifest, Digest(n), 100) { Platform = platform };
}
