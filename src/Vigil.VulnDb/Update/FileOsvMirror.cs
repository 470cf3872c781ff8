using System.Globalization;

namespace Vigil.VulnDb.Update;

/// <summary>A mirror in a local directory (<c>file:///srv/osv</c>), for air-gapped sites; validators are size and write time.</summary>
public sealed class FileOsvMirror : IOsvMirror
{
    /// <summary>Creates a mirror over <paramref name="root"/>.</summary>
    public FileOsvMirror(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The directory.</summary>
    public string Root { get; }

    /// <inheritdoc/>
    public string Location => new Uri(Root).AbsoluteUri;

    /// <inheritdoc/>
    public Task<MirrorResponse> GetAsync(string relativePath, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            return Task.FromResult(new MirrorResponse(MirrorStatus.NotFound));
        }

        var info = new FileInfo(path);
        var validator = string.Create(CultureInfo.InvariantCulture, $"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}\"");
        if (etag == validator)
        {
            return Task.FromResult(new MirrorResponse(MirrorStatus.NotModified) { ETag = validator });
        }

        return Task.FromResult(new MirrorResponse(MirrorStatus.Ok) { Content = File.OpenRead(path), ETag = validator });
    }
}
