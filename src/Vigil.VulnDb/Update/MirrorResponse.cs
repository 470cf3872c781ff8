namespace Vigil.VulnDb.Update;

/// <summary>The outcome of one conditional fetch from an OSV mirror.</summary>
/// <param name="Status">Whether content came, nothing changed, or nothing is there.</param>
public sealed record MirrorResponse(MirrorStatus Status) : IAsyncDisposable
{
    /// <summary>The content, positioned at the start, when <see cref="Status"/> is <see cref="MirrorStatus.Ok"/>.</summary>
    public Stream? Content { get; init; }

    /// <summary>The validator to send next time (<c>ETag</c>, or a file's size and time).</summary>
    public string? ETag { get; init; }

    /// <summary>The <c>Last-Modified</c> value to send next time.</summary>
    public string? LastModified { get; init; }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Content?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>The status of a <see cref="MirrorResponse"/>.</summary>
public enum MirrorStatus
{
    /// <summary>Content was returned.</summary>
    Ok = 0,

    /// <summary>The content is unchanged since the validators sent.</summary>
    NotModified = 1,

    /// <summary>Nothing at that path.</summary>
    NotFound = 2,
}
