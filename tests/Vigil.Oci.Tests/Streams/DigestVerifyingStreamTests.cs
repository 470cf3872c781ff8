using Vigil.Core;
using Vigil.Oci.Streams;

namespace Vigil.Oci.Tests.Streams;

public sealed class DigestVerifyingStreamTests
{
    private static readonly byte[] Content = "hello layer"u8.ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Passes_matching_content_through(bool background)
    {
        await using var stream = new DigestVerifyingStream(new MemoryStream(Content), Digest.Sha256(Content), Content.Length, "blob", hashInBackground: background);

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(Content, copy.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Throws_at_the_end_on_mismatch(bool background)
    {
        await using var stream = new DigestVerifyingStream(new MemoryStream(Content), Digest.Sha256("other"u8), Content.Length, "layer 3 of x", hashInBackground: background);

        var error = await Assert.ThrowsAsync<DigestMismatchException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Contains("layer 3 of x does not match its digest", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(50, false)]
    [InlineData(5, true)]
    [InlineData(50, true)]
    public async Task Throws_when_the_size_differs_from_the_descriptor(long declared, bool background)
    {
        await using var stream = new DigestVerifyingStream(new MemoryStream(Content), Digest.Sha256(Content), declared, "blob", hashInBackground: background);

        var error = await Assert.ThrowsAsync<DigestMismatchException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Contains("declared", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Background_hashing_verifies_a_blob_of_many_chunks_read_async_and_sync()
    {
        var blob = new byte[5_000_000];
        new Random(7).NextBytes(blob);
        var tampered = (byte[])blob.Clone();
        tampered[4_999_000] ^= 1;

        await using (var stream = new DigestVerifyingStream(new MemoryStream(blob), Digest.Sha256(blob), blob.Length, "big", hashInBackground: true))
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, 4096);
            Assert.Equal(blob, copy.ToArray());
        }

        using (var stream = new DigestVerifyingStream(new MemoryStream(tampered), Digest.Sha256(blob), blob.Length, "big", hashInBackground: true))
        {
            var error = Assert.Throws<DigestMismatchException>(() => stream.CopyTo(Stream.Null, 65536));
            Assert.Contains("big does not match its digest", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Disposing_a_half_read_background_stream_stops_its_hasher()
    {
        var blob = new byte[2_000_000];
        var stream = new DigestVerifyingStream(new MemoryStream(blob), Digest.Sha256(blob), blob.Length, "half", hashInBackground: true);
        var buffer = new byte[100_000];
        await stream.ReadExactlyAsync(buffer);

        await stream.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => stream.ReadByte());
    }
}
