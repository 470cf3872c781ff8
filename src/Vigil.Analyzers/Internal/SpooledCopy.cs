using System.Buffers;

namespace Vigil.Analyzers.Internal;

/// <summary>
/// A random-access copy of a forward-only stream (zip archives keep their directory at the end): in a pooled array when
/// small, in a temporary file deleted on close when large. Memory stays flat however big the archives of an image are.
/// </summary>
internal static class SpooledCopy
{
    /// <summary>Largest copy held in memory (16 MiB); larger ones go to a temporary file.</summary>
    public const long MaxInMemory = 16L * 1024 * 1024;

    /// <summary>Copies <paramref name="source"/>, declared to hold <paramref name="length"/> bytes, and rewinds the copy.</summary>
    /// <exception cref="InvalidDataException">The source holds more than <paramref name="cap"/> bytes, or more than declared.</exception>
    public static async Task<Stream> CopyAsync(Stream source, long length, long cap, CancellationToken cancellationToken)
    {
        if (length >= 0 && length <= MaxInMemory)
        {
            var array = ArrayPool<byte>.Shared.Rent((int)length + 1);
            try
            {
                // One byte more than declared is read on purpose: it tells a lying size from an exact one.
                var read = await source.ReadAtLeastAsync(array.AsMemory(0, (int)length + 1), (int)length + 1, throwOnEndOfStream: false, cancellationToken);
                return read > length ? throw TooLong(length) : new PooledMemoryStream(array, read);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(array);
                throw;
            }
        }

        var file = TempFile();
        try
        {
            var buffer = ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                long total = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > cap)
                    {
                        throw new InvalidDataException($"content inflates beyond {cap} bytes");
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The synchronous <see cref="CopyAsync"/>, for zip entries (whose API is synchronous).</summary>
    public static Stream Copy(Stream source, long length, long cap) =>
        CopyAsync(new SyncOnlyStream(source), length, cap, CancellationToken.None).GetAwaiter().GetResult();

    private static InvalidDataException TooLong(long length) => new($"content is longer than its declared {length} bytes");

    private static FileStream TempFile() =>
        new(Path.Combine(Path.GetTempPath(), $"vigil-spool-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);

    /// <summary>A read-only view of a rented array that gives the array back when disposed.</summary>
    private sealed class PooledMemoryStream(byte[] array, int length) : MemoryStream(array, 0, length, writable: false)
    {
        private byte[]? rented = array;

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref rented, null) is { } returned)
            {
                ArrayPool<byte>.Shared.Return(returned);
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Routes async reads to the synchronous ones, so the synchronous path never blocks on a task that awaits I/O.</summary>
    private sealed class SyncOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(inner.Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
