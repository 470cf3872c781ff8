using Vigil.Analyzers.Abstractions;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.NuGet;

/// <summary>Lists the NuGet packages of published .NET applications from their <c>*.deps.json</c>.</summary>
public sealed class DepsJsonAnalyzer : IPackageAnalyzer
{
    private const long MaxSize = 64 * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.DotNetDeps;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Path.EndsWith(".deps.json", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.File.Size > MaxSize)
        {
            return AnalysisResult.Warning(input.File, $"deps.json is {input.File.Size} bytes, over the {MaxSize}-byte limit; skipped");
        }

        var libraries = await DepsJsonParser.ParseAsync(input.Content, cancellationToken);
        return AnalysisResult.Of(libraries.Select(l => NuGetPackages.Create(l.Name, l.Version)).ToList());
    }
}
