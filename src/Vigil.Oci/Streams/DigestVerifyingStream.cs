using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;
using Vigil.Core;

namespace Vigil.Oci.Streams;

/// <summary>
/// Hashes a blob while it is read and throws <see cref="DigestMismatchException"/> when the end is reached and the content
/// does not match its digest, or as soon as more bytes arrive than the descriptor declared.
/// </summary>
/// <remarks>
/// Consumers must read to the end for the check to happen; the layer reader always drains its blobs. With
/// <c>hashInBackground</c>, chunks are hashed on another thread while the reader goes on decompressing: hashing a layer
/// costs about a tenth of inflating it, time the reader's own thread no longer spends.
/// </remarks>
public sealed class DigestVerifyingStream : ReadOnlyStream
{
    private readonly Stream inner;
    private readonly Digest expected;
    private readonly long? expectedSize;
    private readonly IncrementalHash hash;
    private readonly string subject;
    private readonly Action<long>? onProgress;
    private readonly Channel<(byte[] Buffer, int Length)>? pending;
    private readonly Task? hasher;
    private bool verified;

    /// <summary>Wraps <paramref name="inner"/>, which is disposed with this stream.</summary>
    /// <param name="inner">The blob content.</param>
    /// <param name="expected">The digest the content must have.</param>
    /// <param name="expectedSize">The declared size, when known; more or fewer bytes are an error.</param>
    /// <param name="subject">What the blob is, for messages (<c>layer 2 of docker.io/library/nginx</c>).</param>
    /// <param name="onProgress">Called with the total bytes read so far after each read.</param>
    /// <param name="hashInBackground">Hash on another thread (for large blobs read asynchronously).</param>
    public DigestVerifyingStream(Stream inner, Digest expected, long? expectedSize, string subject, Action<long>? onProgress = null, bool hashInBackground = false)
    {
        this.inner = inner;
        this.expected = expected;
        this.expectedSize = expectedSize is < 0 ? null : expectedSize;
        this.subject = subject;
        this.onProgress = onProgress;
        hash = expected.Algorithm switch
        {
            "sha256" => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
            "sha512" => IncrementalHash.CreateHash(HashAlgorithmName.SHA512),
            _ => throw new NotSupportedException($"Digest algorithm {expected.Algorithm} is not supported."),
        };
        if (hashInBackground)
        {
            // Bounded: a starved hasher holds back the reader instead of queueing the whole blob in memory.
            pending = Channel.CreateBounded<(byte[] Buffer, int Length)>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
            hasher = Task.Run(HashPendingAsync);
        }
    }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (pending is not null)
        {
            // Synchronous callers of a background-hashed stream: rare, so blocking on the queue is acceptable here.
            var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
            try
            {
                var read = inner.Read(rented, 0, buffer.Length);
                rented.AsSpan(0, read).CopyTo(buffer);
                return ReadAsync(rented.AsMemory(0, read), read, buffer.Length, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return Account(buffer, inner.Read(buffer));
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return pending is null ? Account(buffer.Span, read) : await ReadAsync(buffer[..read], read, buffer.Length, cancellationToken);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            StopHasher();
            hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await StopHasherAsync();
        hash.Dispose();
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>The background path: queue a copy of what was read, or at the end wait for the hasher and verify.</summary>
    private async ValueTask<int> ReadAsync(ReadOnlyMemory<byte> data, int read, int asked, CancellationToken cancellationToken)
    {
        if (read > 0)
        {
            BytesRead += read;
            if (BytesRead > expectedSize)
            {
                throw new DigestMismatchException(
                    $"The {subject} ({expected}) is larger than its declared size of {expectedSize} bytes.");
            }

            var copy = ArrayPool<byte>.Shared.Rent(read);
            data.Span.CopyTo(copy);
            await pending!.Writer.WriteAsync((copy, read), cancellationToken);
            onProgress?.Invoke(BytesRead);
        }
        else if (asked > 0 && !verified)
        {
            pending!.Writer.TryComplete();
            await hasher!.WaitAsync(cancellationToken);
            Verify();
        }

        return read;
    }

    private async Task HashPendingAsync()
    {
        await foreach (var (buffer, length) in pending!.Reader.ReadAllAsync())
        {
            hash.AppendData(buffer, 0, length);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Ends the background hasher before the hash is disposed (it drains what is queued, which is bounded).</summary>
    private void StopHasher()
    {
        if (pending is not null)
        {
            pending.Writer.TryComplete();
            ((IAsyncResult)hasher!).AsyncWaitHandle.WaitOne();
        }
    }

    private async ValueTask StopHasherAsync()
    {
        if (pending is not null)
        {
            pending.Writer.TryComplete();
            await Task.WhenAny(hasher!);
        }
    }

    private int Account(Span<byte> buffer, int read)
    {
        if (read > 0)
        {
            hash.AppendData(buffer[..read]);
            BytesRead += read;
            onProgress?.Invoke(BytesRead);
            if (BytesRead > expectedSize)
            {
                throw new DigestMismatchException(
                    $"The {subject} ({expected}) is larger than its declared size of {expectedSize} bytes.");
            }
        }
        else if (buffer.Length > 0 && !verified)
        {
            Verify();
        }

        return read;
    }

    private void Verify()
    {
        verified = true;
        if (expectedSize is { } size && BytesRead != size)
        {
            throw new DigestMismatchException(
                $"The {subject} ({expected}) ended after {BytesRead} bytes, but {size} were declared.");
        }

        var actual = Digest.FromHash(expected.Algorithm, hash.GetHashAndReset());
        if (actual != expected)
        {
            throw new DigestMismatchException(
                $"The {subject} does not match its digest: expected {expected}, got {actual}. The content was altered or corrupted.");
        }
    }
}
