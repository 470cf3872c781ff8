using Vigil.Core;
using Vigil.Oci.Streams;

namespace Vigil.Oci.Tests.Streams;

public sealed class DigestVerifyingStreamTests
{
    private static readonly byte[] Content = "hello layer"u8.ToArray();

    [Fact]
    public async Task Passes_matching_content_through()
    {
        await using var stream = new DigestVerifyingStream(new MemoryStream(Content), Digest.Sha256(Content), Content.Length, "blob");

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(Content, copy.ToArray());
    }

    [Fact]
    public async Task Throws_at_the_end_on_mismatch()
    {
        await using var stream = new DigestVerifyingStream(new MemoryStream(Content), Digest.Sha256("other"u8), Content.Length, "layer 3 of x");

        var error = await Assert.ThrowsAsync<DigestMismatchException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Contains("layer 3 of x does not match its digest", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    public async Task Throws_when_the_size_differs_from_the_descriptor(long declared)
    {
        await using var stream = new DigestVerifyingStream(new MemoryStream(Content), Digest.Sha256(Content), declared, "blob");

        var error = await Assert.ThrowsAsync<DigestMismatchException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Contains("declared", error.Message, StringComparison.Ordinal);
    }
}
