namespace Vigil.VulnDb.Storage;

/// <summary>What Vigil remembers about one source between updates.</summary>
/// <param name="Source">The source key.</param>
public sealed record SourceState(string Source)
{
    /// <summary>The URL or path of the source.</summary>
    public string? Location { get; init; }

    /// <summary>The ETag of the archive last downloaded.</summary>
    public string? ETag { get; init; }

    /// <summary>The Last-Modified header of the archive last downloaded, as sent.</summary>
    public string? LastModified { get; init; }

    /// <summary>The newest modification time seen in the source's modification list (incremental updates start after it).</summary>
    public DateTimeOffset? Watermark { get; init; }

    /// <summary>When the source was last imported.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Records held from this source.</summary>
    public long RecordCount { get; init; }

    /// <summary>Malformed documents in the last import.</summary>
    public int MalformedCount { get; init; }
}
