using Vigil.Core;
using Vigil.Core.FileSystem;

namespace Vigil.Oci.Layers;

/// <summary>
/// Feeds the regular files of a root file system directory to a visitor. Symbolic links are never followed (so nothing
/// outside the root is read), and only regular files with content are opened (never devices or FIFOs).
/// </summary>
internal sealed class DirectoryWalker(string root, IFileVisitor visitor, LayerReadOptions options)
{
    private readonly List<ScanWarning> warnings = [];

    public IReadOnlyList<ScanWarning> Warnings => warnings;

    public long Files { get; private set; }

    public async Task WalkAsync(CancellationToken cancellationToken)
    {
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            IEnumerable<FileSystemInfo> children;
            try
            {
                children = directory.EnumerateFileSystemInfos().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                warnings.Add(new ScanWarning(ImagePath(directory.FullName), $"directory not readable: {ex.Message}"));
                continue;
            }

            foreach (var child in children)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (child.LinkTarget is not null)
                {
                    continue;
                }

                if (child is DirectoryInfo subdirectory)
                {
                    pending.Push(subdirectory);
                }
                else if (child is FileInfo file)
                {
                    await VisitAsync(file, cancellationToken);
                }
            }
        }
    }

    private async Task VisitAsync(FileInfo file, CancellationToken cancellationToken)
    {
        Files++;
        var entry = new FileEntry(ImagePath(file.FullName), file.Length, file.UnixFileMode, 0, null);
        if (!visitor.Wants(entry))
        {
            return;
        }

        if (file.Length > options.MaxFileSize)
        {
            warnings.Add(new ScanWarning(entry.Path, $"file of {file.Length} bytes is larger than the {options.MaxFileSize}-byte limit; not read"));
            return;
        }

        if (file.Length == 0)
        {
            // Devices and FIFOs report no size; opening a FIFO would block, so empty files are never opened.
            await visitor.VisitAsync(entry, Stream.Null, cancellationToken);
            return;
        }

        try
        {
            await using var content = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await visitor.VisitAsync(entry, content, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add(new ScanWarning(entry.Path, $"file not readable: {ex.Message}"));
        }
    }

    private string ImagePath(string fullName)
    {
        var relative = Path.GetRelativePath(root, fullName).Replace('\\', '/');
        return relative == "." ? "/" : "/" + relative;
    }
}
