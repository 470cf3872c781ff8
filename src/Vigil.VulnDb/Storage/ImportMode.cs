namespace Vigil.VulnDb.Storage;

/// <summary>How imported documents relate to what a source already holds.</summary>
public enum ImportMode
{
    /// <summary>The documents are the source's complete content: records of the source not among them are removed.</summary>
    Replace = 0,

    /// <summary>The documents are changes (an incremental update): they are added or replaced, nothing else is removed.</summary>
    Merge = 1,
}
