using Vigil.Core;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Abstractions;

/// <summary>What an analyzer found in one file.</summary>
/// <remarks>
/// Packages leave <see cref="Package.LayerDigest"/> and <see cref="Package.AnalyzerId"/> to the <see cref="InventoryBuilder"/>,
/// which also sets <see cref="Package.FilePath"/> where the analyzer left it null. OS packages carry their family's base
/// ecosystem (<c>Debian</c>); the builder adds the detected release and the purl's <c>distro</c> qualifier.
/// </remarks>
public sealed record AnalysisResult
{
    /// <summary>Nothing found, nothing wrong.</summary>
    public static AnalysisResult Empty { get; } = new();

    /// <summary>Packages found in the file.</summary>
    public IReadOnlyList<Package> Packages { get; init; } = [];

    /// <summary>The operating system, for release files such as <c>/etc/os-release</c>.</summary>
    public OsInfo? Os { get; init; }

    /// <summary>Problems with the file (skipped records, truncation); each names the file.</summary>
    public IReadOnlyList<ScanWarning> Warnings { get; init; } = [];

    /// <summary>A result holding packages and optional warnings.</summary>
    public static AnalysisResult Of(IReadOnlyList<Package> packages, IReadOnlyList<ScanWarning>? warnings = null) =>
        new() { Packages = packages, Warnings = warnings ?? [] };

    /// <summary>A result that only warns about <paramref name="file"/>.</summary>
    public static AnalysisResult Warning(FileEntry file, string message) =>
        new() { Warnings = [new ScanWarning(file.Path, message)] };
}
