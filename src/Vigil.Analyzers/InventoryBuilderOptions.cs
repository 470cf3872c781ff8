namespace Vigil.Analyzers;

/// <summary>Limits of the <see cref="InventoryBuilder"/>.</summary>
public sealed class InventoryBuilderOptions
{
    /// <summary>
    /// Files up to this size that several analyzers need are read once into memory (default 16 MiB); larger ones are
    /// spooled to a temporary file that is deleted when the analyzers are done.
    /// </summary>
    public long MemoryBufferLimit { get; set; } = 16 * 1024 * 1024;

    /// <summary>Where larger shared files are spooled; default the system temporary directory.</summary>
    public string? TempDirectory { get; set; }
}
