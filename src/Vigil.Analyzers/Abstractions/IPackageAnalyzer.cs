using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Abstractions;

/// <summary>Finds packages (or the operating system) in one kind of file, such as the dpkg status database.</summary>
/// <remarks>Implementations are stateless and thread-safe: one instance serves every file of every scan.</remarks>
public interface IPackageAnalyzer
{
    /// <summary>A stable lower-case id (<see cref="AnalyzerIds"/>): used in configuration, reports and cache keys.</summary>
    string Id { get; }

    /// <summary>Bumped whenever the output for the same input changes; part of the SBOM cache key.</summary>
    int Version { get; }

    /// <summary>Whether <paramref name="file"/> should be opened. Pure and cheap: path, name, extension, mode and size only.</summary>
    bool IsRequired(FileEntry file);

    /// <summary>
    /// Reads one required file. Expected bad input (malformed, truncated, too large) is reported as a warning in the
    /// result or thrown as <see cref="InvalidDataException"/>; the caller turns that, and any unexpected exception, into a
    /// warning naming the file.
    /// </summary>
    ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken);
}
