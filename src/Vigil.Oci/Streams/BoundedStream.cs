namespace Vigil.Oci.Streams;

/// <summary>A window of <c>length</c> bytes of a seekable stream, from <c>offset</c>: one member of an archive.</summary>
internal sealed class BoundedStream : ReadOnlyStream
{
    private readonly Stream inner;
    private long remaining;

    public BoundedStream(Stream inner, long offset, long length)
    {
        this.inner = inner;
        inner.Position = offset;
        remaining = length;
    }

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (remaining <= 0)
        {
            return 0;
        }

        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, remaining)]);
        remaining -= read;
        return read;
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (remaining <= 0)
        {
            return 0;
        }

        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, remaining)], cancellationToken);
        remaining -= read;
        return read;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
