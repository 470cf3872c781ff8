namespace Vigil.Oci.Streams;

/// <summary>Counts the bytes read through it and lets a callback veto further reading (decompression limits).</summary>
internal sealed class CountingStream(Stream inner, Action<long, int>? onRead = null) : ReadOnlyStream
{
    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private int Count(int read)
    {
        BytesRead += read;
        onRead?.Invoke(BytesRead, read);
        return read;
    }
}
