namespace Vigil.Core.FileSystem;

/// <summary>
/// Receives the files of an image as its layers are streamed: the one consumer contract between image reading
/// (Vigil.Oci) and package inventory (Vigil.Analyzers), so that neither depends on the other.
/// </summary>
/// <remarks>
/// <see cref="Wants"/> is asked for every regular file and must be pure and cheap (no I/O). Only wanted files are read.
/// <see cref="VisitAsync"/> may be called concurrently for files of different layers, never for two files of the same layer.
/// A visited file may later be deleted by a whiteout or replaced by a later layer: use the <see cref="ILayeredFileSystem"/>
/// returned by the reader to keep only what survives.
/// </remarks>
public interface IFileVisitor
{
    /// <summary>Whether <paramref name="entry"/> should be read. Pure: no I/O, no allocation.</summary>
    bool Wants(FileEntry entry);

    /// <summary>Reads one wanted file. <paramref name="content"/> is forward-only and valid only during the call.</summary>
    ValueTask VisitAsync(FileEntry entry, Stream content, CancellationToken cancellationToken);
}
