using Vigil.Analyzers.Abstractions;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.RubyGems;

/// <summary>Lists installed gems from their specifications (<c>…/specifications/*.gemspec</c>).</summary>
public sealed class GemspecAnalyzer : IPackageAnalyzer
{
    private const long MaxSize = 4 * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.Gemspec;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Path.EndsWith(".gemspec", StringComparison.Ordinal) && file.Path.Contains("/specifications/", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = await TextReading.ReadAllTextAsync(input.Content, MaxSize, cancellationToken);
        var spec = GemspecParser.Parse(text);
        return spec is null
            ? AnalysisResult.Warning(input.File, "gemspec has no readable name or version; skipped")
            : AnalysisResult.Of([RubyGemPackages.Create(spec.Name, spec.Version, spec.Licenses)]);
    }
}
