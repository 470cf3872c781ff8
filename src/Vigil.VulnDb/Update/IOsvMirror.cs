namespace Vigil.VulnDb.Update;

/// <summary>Read access to an OSV mirror (the public bucket over HTTPS, or a directory).</summary>
public interface IOsvMirror
{
    /// <summary>The mirror root, for messages and source state.</summary>
    string Location { get; }

    /// <summary>Fetches <paramref name="relativePath"/> (<c>PyPI/all.zip</c>), conditionally when validators are given.</summary>
    Task<MirrorResponse> GetAsync(string relativePath, string? etag, string? lastModified, CancellationToken cancellationToken);
}
