namespace Vigil.Oci.Streams;

/// <summary>Replays bytes already read from a stream (to sniff its format) before the rest of it.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ReadOnlyStream
{
    private ReadOnlyMemory<byte> prefix = prefix;

    /// <summary>Reads up to <paramref name="count"/> bytes from the start of <paramref name="stream"/> for sniffing.</summary>
    public static async ValueTask<PrefixedStream> PeekAsync(Stream stream, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var read = await stream.ReadAtLeastAsync(buffer, count, throwOnEndOfStream: false, cancellationToken);
        return new PrefixedStream(buffer.AsMemory(0, read), stream);
    }

    /// <summary>The first bytes of the stream (fewer than asked when the stream is shorter).</summary>
    public ReadOnlySpan<byte> Head => prefix.Span;

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (prefix.IsEmpty)
        {
            return rest.Read(buffer);
        }

        var n = Math.Min(buffer.Length, prefix.Length);
        prefix.Span[..n].CopyTo(buffer);
        prefix = prefix[n..];
        return n;
    }

    /// <inheritdoc/>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        prefix.IsEmpty ? rest.ReadAsync(buffer, cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await rest.DisposeAsync();
        await base.DisposeAsync();
    }
}
