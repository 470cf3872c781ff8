using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace Vigil.Oci.Streams;

/// <summary>
/// An incremental hash fed from one thread and computed on another, so that hashing a layer blob overlaps with
/// decompressing it. Chunks are copied into a small fixed set of buffers that circulate between the two threads: no
/// allocation per chunk, and a slow hasher holds the reader back instead of queueing the blob in memory.
/// </summary>
/// <remarks>One writer; not reusable after <see cref="FinishAsync"/>.</remarks>
internal sealed class PipelinedHash : IDisposable
{
    private const int Buffers = 3;

    private readonly IncrementalHash hash;
    private readonly Channel<(byte[] Buffer, int Length)> full = Channel.CreateBounded<(byte[] Buffer, int Length)>(
        new BoundedChannelOptions(Buffers) { SingleReader = true, SingleWriter = true });

    private readonly Channel<byte[]> free = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task hasher;
    private readonly List<byte[]> rented = new(Buffers);

    /// <summary>Starts the hashing task.</summary>
    public PipelinedHash(HashAlgorithmName algorithm)
    {
        hash = IncrementalHash.CreateHash(algorithm);
        hasher = Task.Run(HashAsync);
    }

    /// <summary>Queues a copy of <paramref name="data"/> for hashing; waits only when every buffer is in use.</summary>
    public async ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        byte[] buffer;
        if (rented.Count < Buffers)
        {
            buffer = Rent(data.Length);
        }
        else
        {
            buffer = await free.Reader.ReadAsync(cancellationToken);
            if (buffer.Length < data.Length)
            {
                // A larger read than before: swap the buffer for a big enough one (reads are usually all one size).
                rented.Remove(buffer);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = Rent(data.Length);
            }
        }

        data.CopyTo(buffer);
        await full.Writer.WriteAsync((buffer, data.Length), cancellationToken);
    }

    /// <summary>Waits for everything queued to be hashed and returns the hash.</summary>
    public async ValueTask<byte[]> FinishAsync(CancellationToken cancellationToken)
    {
        full.Writer.TryComplete();
        await hasher.WaitAsync(cancellationToken);
        return hash.GetHashAndReset();
    }

    /// <summary>Stops the hashing task (it drains the few queued chunks) and frees the hash.</summary>
    public void Dispose()
    {
        full.Writer.TryComplete();
        ((IAsyncResult)hasher).AsyncWaitHandle.WaitOne();
        hash.Dispose();
        foreach (var buffer in rented)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        rented.Clear();
    }

    private byte[] Rent(int length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 64 * 1024));
        rented.Add(buffer);
        return buffer;
    }

    private async Task HashAsync()
    {
        await foreach (var (buffer, length) in full.Reader.ReadAllAsync())
        {
            hash.AppendData(buffer, 0, length);
            free.Writer.TryWrite(buffer);
        }
    }
}
