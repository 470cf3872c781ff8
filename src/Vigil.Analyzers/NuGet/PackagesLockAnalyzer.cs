using Vigil.Analyzers.Abstractions;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.NuGet;

/// <summary>Lists the packages pinned by NuGet lockfiles (<c>packages.lock.json</c>).</summary>
public sealed class PackagesLockAnalyzer : IPackageAnalyzer
{
    private const long MaxSize = 64 * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.NuGetLock;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.FileName == "packages.lock.json";
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.File.Size > MaxSize)
        {
            return AnalysisResult.Warning(input.File, $"packages.lock.json is {input.File.Size} bytes, over the {MaxSize}-byte limit; skipped");
        }

        var pinned = await PackagesLockParser.ParseAsync(input.Content, cancellationToken);
        return AnalysisResult.Of(pinned.Select(l => NuGetPackages.Create(l.Name, l.Version)).ToList());
    }
}
