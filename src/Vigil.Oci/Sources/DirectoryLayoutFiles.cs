namespace Vigil.Oci.Sources;

/// <summary>Layout files in a directory. Paths that leave the directory (through <c>..</c> or links) are refused.</summary>
internal sealed class DirectoryLayoutFiles(string directory) : ILayoutFiles
{
    private readonly string root = Path.GetFullPath(directory);

    public string Location => root;

    public bool Exists(string relativePath) => Resolve(relativePath) is { } path && File.Exists(path);

    public Stream Open(string relativePath)
    {
        var path = Resolve(relativePath);
        if (path is null || !File.Exists(path))
        {
            throw new ImageReadException($"'{relativePath}' is missing from the image layout {root}.");
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string? Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        // A blob that is a symbolic link could point anywhere on this machine; layouts hold plain files.
        var info = new FileInfo(full);
        return info.LinkTarget is null ? full : null;
    }
}
