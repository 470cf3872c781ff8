using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Tests.Integration;

/// <summary>
/// Walks a root file system directory and feeds its regular files to an <see cref="IFileVisitor"/> as one layer would:
/// image-absolute paths, no symlinks followed (so cyclic links cannot loop), forward-only streams.
/// </summary>
public static class DirectoryVisitor
{
    public static async Task<int> VisitAsync(string root, IFileVisitor visitor, CancellationToken cancellationToken)
    {
        var visited = 0;
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint, // Symlinked directories are not entered.
            IgnoreInaccessible = true,
            ReturnSpecialDirectories = false,
        };
        foreach (var info in new DirectoryInfo(root).EnumerateFiles("*", options))
        {
            if (info.LinkTarget is not null)
            {
                continue; // A symlink to a file: the target is visited under its own path.
            }

            var path = "/" + Path.GetRelativePath(root, info.FullName).Replace('\\', '/');
            var entry = new FileEntry(path, info.Length, info.UnixFileMode, 0, null);
            if (!visitor.Wants(entry))
            {
                continue;
            }

            await using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
            await using var forwardOnly = new Support.ForwardOnlyStream(stream);
            await visitor.VisitAsync(entry, forwardOnly, cancellationToken);
            visited++;
        }

        return visited;
    }
}
