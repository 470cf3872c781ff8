using Vigil.Analyzers.Abstractions;
using Vigil.Core;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.PyPi;

/// <summary>
/// Lists installed Python distributions: <c>*.dist-info/METADATA</c> (wheels, pip), <c>*.egg-info/PKG-INFO</c>,
/// <c>*.egg-info</c> files (distutils) and <c>*.egg/EGG-INFO/PKG-INFO</c>.
/// </summary>
public sealed class PythonPackageAnalyzer : IPackageAnalyzer
{
    private const long MaxSize = 16 * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.PythonPackage;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = file.Path;
        return path.EndsWith(".dist-info/METADATA", StringComparison.Ordinal)
            || path.EndsWith(".egg-info/PKG-INFO", StringComparison.Ordinal)
            || path.EndsWith(".egg/EGG-INFO/PKG-INFO", StringComparison.Ordinal)
            || path.EndsWith(".egg-info", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.File.Size > MaxSize)
        {
            return AnalysisResult.Warning(input.File, $"Python metadata is {input.File.Size} bytes, over the {MaxSize}-byte limit; skipped");
        }

        var metadata = await PythonMetadataParser.ParseAsync(input.Content, cancellationToken);
        if (metadata is null)
        {
            return AnalysisResult.Warning(input.File, "Python metadata has no Name or Version; skipped");
        }

        var name = PythonNames.Normalize(metadata.Name);
        var purl = PackageUrl.Create("pypi", null, name, metadata.Version);
        return AnalysisResult.Of([new Package(Ecosystem.PyPI, name, metadata.Version, PackageType.Library, purl)
        {
            Licenses = metadata.License is null ? [] : [metadata.License],
        }]);
    }
}
