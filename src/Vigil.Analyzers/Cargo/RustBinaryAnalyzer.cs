using Vigil.Analyzers.Abstractions;
using Vigil.Analyzers.Elf;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Cargo;

/// <summary>Lists the crates compiled into Rust executables built with cargo-auditable (ELF section <c>.dep-v0</c>).</summary>
/// <remarks>Section headers sit at the end of an ELF file, so this needs random access: a non-seekable input is read into memory up to a cap.</remarks>
public sealed class RustBinaryAnalyzer : IPackageAnalyzer
{
    private const long MinSize = 1024;
    private const long MaxInMemory = 256L * 1024 * 1024;
    private const int MaxSection = 4 * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.RustBinary;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.IsExecutable && file.Size >= MinSize;
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stream = input.Content;
        var owned = false;
        if (!stream.CanSeek)
        {
            var head = new byte[4];
            var read = await stream.ReadAtLeastAsync(head, 4, throwOnEndOfStream: false, cancellationToken);
            if (!ElfFile.HasMagic(head.AsSpan(0, read)))
            {
                return AnalysisResult.Empty;
            }

            if (input.File.Size > MaxInMemory)
            {
                return AnalysisResult.Warning(input.File, $"rustbinary: ELF file of {input.File.Size} bytes is over the {MaxInMemory}-byte limit for a non-seekable input; skipped");
            }

            var memory = new MemoryStream((int)input.File.Size);
            memory.Write(head, 0, read);
            await stream.CopyToAsync(memory, cancellationToken);
            memory.Position = 0;
            stream = memory;
            owned = true;
        }

        try
        {
            var head = new byte[4];
            stream.Position = 0;
            if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || !ElfFile.HasMagic(head))
            {
                return AnalysisResult.Empty;
            }

            var section = ElfFile.ReadSection(stream, ".dep-v0", MaxSection);
            return section is null
                ? AnalysisResult.Empty
                : AnalysisResult.Of(AuditableJsonParser.Parse(section).Select(c => CargoPackages.Create(c.Name, c.Version)).ToList());
        }
        finally
        {
            if (owned)
            {
                await stream.DisposeAsync();
            }
        }
    }
}
