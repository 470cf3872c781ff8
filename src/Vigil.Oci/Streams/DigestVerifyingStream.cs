using System.Security.Cryptography;
using Vigil.Core;

namespace Vigil.Oci.Streams;

/// <summary>
/// Hashes a blob while it is read and throws <see cref="DigestMismatchException"/> when the end is reached and the content
/// does not match its digest, or as soon as more bytes arrive than the descriptor declared.
/// </summary>
/// <remarks>
/// Consumers must read to the end for the check to happen; the layer reader always drains its blobs. With
/// <c>hashInBackground</c>, asynchronous reads are hashed on another thread (<see cref="PipelinedHash"/>) while the
/// reader goes on decompressing.
/// </remarks>
public sealed class DigestVerifyingStream : ReadOnlyStream
{
    private readonly Stream inner;
    private readonly Digest expected;
    private readonly long? expectedSize;
    private readonly IncrementalHash hash;
    private readonly string subject;
    private readonly Action<long>? onProgress;
    private readonly PipelinedHash? pipelined;
    private bool verified;

    /// <summary>Wraps <paramref name="inner"/>, which is disposed with this stream.</summary>
    /// <param name="inner">The blob content.</param>
    /// <param name="expected">The digest the content must have.</param>
    /// <param name="expectedSize">The declared size, when known; more or fewer bytes are an error.</param>
    /// <param name="subject">What the blob is, for messages (<c>layer 2 of docker.io/library/nginx</c>).</param>
    /// <param name="onProgress">Called with the total bytes read so far after each read.</param>
    /// <param name="hashInBackground">Hash asynchronous reads on another thread (large blobs: layers).</param>
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
        pipelined = hashInBackground ? new PipelinedHash(expected.Algorithm == "sha512" ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256) : null;
    }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (pipelined is null)
        {
            return Account(buffer, inner.Read(buffer));
        }

        // Synchronous reads of a pipelined stream are rare (nothing in Vigil does them): block on the pipeline.
        var copy = new byte[buffer.Length];
        var read = inner.Read(copy);
        copy.AsSpan(0, read).CopyTo(buffer);
        return AccountPipelinedAsync(copy.AsMemory(0, read), buffer.Length, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return pipelined is null ? Account(buffer.Span, read) : await AccountPipelinedAsync(buffer[..read], buffer.Length, cancellationToken);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            pipelined?.Dispose();
            hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        pipelined?.Dispose();
        hash.Dispose();
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private int Account(Span<byte> buffer, int read)
    {
        if (read > 0)
        {
            hash.AppendData(buffer[..read]);
            Count(read);
        }
        else if (buffer.Length > 0 && !verified)
        {
            Verify(hash.GetHashAndReset());
        }

        return read;
    }

    private async ValueTask<int> AccountPipelinedAsync(ReadOnlyMemory<byte> data, int asked, CancellationToken cancellationToken)
    {
        if (!data.IsEmpty)
        {
            Count(data.Length);
            await pipelined!.AppendAsync(data, cancellationToken);
        }
        else if (asked > 0 && !verified)
        {
            Verify(await pipelined!.FinishAsync(cancellationToken));
        }

        return data.Length;
    }

    private void Count(int read)
    {
        BytesRead += read;
        onProgress?.Invoke(BytesRead);
        if (BytesRead > expectedSize)
        {
            throw new DigestMismatchException(
                $"The {subject} ({expected}) is larger than its declared size of {expectedSize} bytes.");
        }
    }

    private void Verify(byte[] actualHash)
    {
        verified = true;
        if (expectedSize is { } size && BytesRead != size)
        {
            throw new DigestMismatchException(
                $"The {subject} ({expected}) ended after {BytesRead} bytes, but {size} were declared.");
        }

        var actual = Digest.FromHash(expected.Algorithm, actualHash);
        if (actual != expected)
        {
            throw new DigestMismatchException(
                $"The {subject} does not match its digest: expected {expected}, got {actual}. The content was altered or corrupted.");
        }
    }
}
