using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Tests.Support;

/// <summary>The final file system of a test image: the last layer writing a path wins, deleted paths do not survive.</summary>
public sealed class FakeLayeredFileSystem : ILayeredFileSystem
{
    private readonly Dictionary<string, int> _lastWriter = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);

    public FakeLayeredFileSystem Write(string path, int layer)
    {
        _lastWriter[path] = Math.Max(layer, _lastWriter.GetValueOrDefault(path, -1));
        return this;
    }

    public FakeLayeredFileSystem Delete(string path)
    {
        _deleted.Add(path);
        return this;
    }

    public bool Survives(string path, int layerIndex) =>
        !_deleted.Contains(path) && _lastWriter.TryGetValue(path, out var last) && last == layerIndex;
}
