namespace Vigil.Oci.Sources;

/// <summary>The files of an image layout or archive, by relative path: a directory, or the members of a tar.</summary>
internal interface ILayoutFiles : IAsyncDisposable
{
    /// <summary>For messages: the directory or archive path.</summary>
    string Location { get; }

    /// <summary>Whether the file exists.</summary>
    bool Exists(string relativePath);

    /// <summary>Opens a file; throws <see cref="ImageReadException"/> when it does not exist.</summary>
    Stream Open(string relativePath);
}
