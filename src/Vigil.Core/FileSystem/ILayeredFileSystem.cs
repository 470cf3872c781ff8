namespace Vigil.Core.FileSystem;

/// <summary>
/// The final state of an image's file system after all layers and whiteouts, as far as needed to tell which visited files
/// survive into the image that runs.
/// </summary>
public interface ILayeredFileSystem
{
    /// <summary>
    /// Whether the file at <paramref name="path"/> as written by layer <paramref name="layerIndex"/> is the one in the final
    /// image: not deleted by a whiteout or opaque directory of a later layer, and not replaced by a later layer.
    /// </summary>
    bool Survives(string path, int layerIndex);
}
