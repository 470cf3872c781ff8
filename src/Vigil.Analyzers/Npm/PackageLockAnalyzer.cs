using Vigil.Analyzers.Abstractions;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Npm;

/// <summary>Lists the packages pinned by npm lockfiles (<c>package-lock.json</c> v1–v3) outside <c>node_modules</c>.</summary>
public sealed class PackageLockAnalyzer : IPackageAnalyzer
{
    private const long MaxSize = 64 * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.NpmLock;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);

        // node_modules/.package-lock.json is npm's hidden copy: the installed package.json files are the better source.
        return file.FileName == "package-lock.json" && !file.Path.Contains("/node_modules/", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.File.Size > MaxSize)
        {
            return AnalysisResult.Warning(input.File, $"package-lock.json is {input.File.Size} bytes, over the {MaxSize}-byte limit; skipped");
        }

        var entries = await PackageLockParser.ParseAsync(input.Content, cancellationToken);
        return AnalysisResult.Of(entries.Select(e => NpmPackages.Create(e.Name, e.Version)).ToList());
    }
}
