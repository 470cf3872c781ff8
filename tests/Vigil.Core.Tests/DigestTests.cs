
namespace Vigil.Core.Tests;

public sealed class DigestTests
{
    private const string Hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void Parse_RoundTrips()
    {
        var digest = Digest.Parse($"sha256:{Hex}");
        Assert.Equal("sha256", digest.Algorithm);
        Assert.Equal(Hex, digest.Hex);
        Assert.Equal($"sha256:{Hex}", digest.ToString());
        Assert.Equal("9f86d081884c", digest.Short);
    }

    [Fact]
    public void Sha256_HashesContent()
    {
        Assert.Equal($"sha256:{Hex}", Digest.Sha256("test"u8).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256")]
    [InlineData("sha256:abc")]
    [InlineData("md5:9f86d081884c7d659a2feaa0c55ad015")]
    [InlineData("sha256:9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08")]
    public void Parse_RejectsNonDigests(string value)
    {
        Assert.False(Digest.TryParse(value, out _));
        var error = Assert.Throws<FormatException>(() => Digest.Parse(value));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
