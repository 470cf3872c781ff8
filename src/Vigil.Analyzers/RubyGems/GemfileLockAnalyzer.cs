using Vigil.Analyzers.Abstractions;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.RubyGems;

/// <summary>Lists the gems pinned by Bundler lockfiles (<c>Gemfile.lock</c>).</summary>
public sealed class GemfileLockAnalyzer : IPackageAnalyzer
{
    private const long MaxSize = 16 * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.GemfileLock;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.FileName == "Gemfile.lock";
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = await TextReading.ReadAllTextAsync(input.Content, MaxSize, cancellationToken);
        return AnalysisResult.Of(GemfileLockParser.Parse(text).Select(g => RubyGemPackages.Create(g.Name, g.Version)).ToList());
    }
}
