using Vigil.Analyzers.Abstractions;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.OsRelease;

/// <summary>Detects the operating system from <c>/etc/os-release</c> and the distributions' own release files.</summary>
public sealed class OsReleaseAnalyzer : IPackageAnalyzer
{
    // Release files are a few hundred bytes; anything far larger is not one.
    private const long MaxSize = 64 * 1024;

    private static readonly HashSet<string> Paths = new(StringComparer.Ordinal)
    {
        "/etc/os-release", "/usr/lib/os-release", "/etc/debian_version", "/etc/alpine-release", "/etc/redhat-release",
    };

    /// <inheritdoc/>
    public string Id => AnalyzerIds.OsRelease;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Paths.Contains(file.Path);
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.File.Size > MaxSize)
        {
            return AnalysisResult.Warning(input.File, $"release file is {input.File.Size} bytes, larger than {MaxSize}; skipped");
        }

        var text = await TextReading.ReadAllTextAsync(input.Content, MaxSize, cancellationToken);
        var os = ReleaseFileParser.Parse(input.File.Path, text);
        return os is null ? AnalysisResult.Warning(input.File, "release file names no recognisable operating system") : new AnalysisResult { Os = os };
    }
}
