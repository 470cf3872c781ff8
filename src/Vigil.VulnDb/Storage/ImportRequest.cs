namespace Vigil.VulnDb.Storage;

/// <summary>What an import is: which source it fills, how, and the source state to record when it commits.</summary>
/// <param name="Source">The source key (<c>osv:PyPI</c>, <c>import:/path/all.zip</c>): records belong to sources.</param>
/// <param name="Mode">Whether the documents are the source's whole content or changes to merge.</param>
public sealed record ImportRequest(string Source, ImportMode Mode)
{
    /// <summary>Where the source lives (a URL or path), shown by <c>vigil db status</c>.</summary>
    public string? Location { get; init; }

    /// <summary>HTTP validators and watermark to store with the source when the import commits.</summary>
    public SourceState? State { get; init; }
}
