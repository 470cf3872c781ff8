namespace Vigil.Core.FileSystem;

/// <summary>A regular file of an image's file system, as met in one layer.</summary>
/// <param name="Path">Absolute, normalized path (<c>/usr/lib/os-release</c>): forward slashes, no <c>.</c> or <c>..</c> parts.</param>
/// <param name="Size">Size in bytes as the layer declares it.</param>
/// <param name="Mode">Unix permission bits.</param>
/// <param name="LayerIndex">Index of the layer it came from, 0 for the base layer; 0 for a plain directory.</param>
/// <param name="LayerDigest">Digest of that layer, or null for a plain directory.</param>
public sealed record FileEntry(string Path, long Size, UnixFileMode Mode, int LayerIndex, Digest? LayerDigest)
{
    /// <summary>Whether any execute bit is set: how Go and Rust binaries are found without opening every file.</summary>
    public bool IsExecutable => (Mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    /// <summary>The file name: the part after the last slash.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);
}
