using System.Collections.Concurrent;
using System.Text;
using Vigil.Core.FileSystem;

namespace Vigil.Oci.Tests.Support;

/// <summary>A visitor that wants the files a predicate selects and records their text, per layer.</summary>
internal sealed class RecordingVisitor(Func<FileEntry, bool> wants) : IFileVisitor
{
    private readonly ConcurrentDictionary<int, int> active = new();

    public ConcurrentBag<(FileEntry Entry, string Content)> Visited { get; } = [];

    public int ConcurrentVisitsInOneLayer { get; private set; }

    public int WantsCalls;

    public bool Wants(FileEntry entry)
    {
        Interlocked.Increment(ref WantsCalls);
        return wants(entry);
    }

    public async ValueTask VisitAsync(FileEntry entry, Stream content, CancellationToken cancellationToken)
    {
        if (active.AddOrUpdate(entry.LayerIndex, 1, (_, n) => n + 1) > 1)
        {
            ConcurrentVisitsInOneLayer++;
        }

        using var reader = new StreamReader(content, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        Visited.Add((entry, text));
        active.AddOrUpdate(entry.LayerIndex, 0, (_, n) => n - 1);
    }

    public string? ContentOf(string path, int layer) =>
        Visited.Where(v => v.Entry.Path == path && v.Entry.LayerIndex == layer).Select(v => v.Content).FirstOrDefault();
}
