using Vigil.Core;
using Vigil.Core.FileSystem;

namespace Vigil.Oci.Layers;

/// <summary>
/// The outcome of reading an image's layers: which visited files survive later whiteouts, opaque directories and
/// overwrites, and the warnings met (skipped hostile or oversized entries).
/// </summary>
/// <remarks>Immutable once returned; <see cref="Survives"/> is thread-safe.</remarks>
public sealed class LayeredFileSystem : ILayeredFileSystem
{
    private readonly IReadOnlyList<LayerChanges> layers;

    internal LayeredFileSystem(IReadOnlyList<LayerChanges> layers, IReadOnlyList<ScanWarning> warnings, long filesSeen)
    {
        this.layers = layers;
        Warnings = warnings;
        FilesSeen = filesSeen;
    }

    /// <summary>Entries skipped or suspicious, with the reason; never contains file content.</summary>
    public IReadOnlyList<ScanWarning> Warnings { get; }

    /// <summary>How many regular files the layers hold in total (before whiteouts).</summary>
    public long FilesSeen { get; }

    /// <inheritdoc/>
    public bool Survives(string path, int layerIndex)
    {
        for (var k = layerIndex + 1; k < layers.Count; k++)
        {
            if (layers[k].Hides(path))
            {
                return false;
            }
        }

        return true;
    }
}
