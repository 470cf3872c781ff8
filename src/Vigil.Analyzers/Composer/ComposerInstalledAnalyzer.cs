using Vigil.Analyzers.Abstractions;
using Vigil.Core;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Composer;

/// <summary>Lists PHP packages installed by Composer (<c>vendor/composer/installed.json</c>).</summary>
public sealed class ComposerInstalledAnalyzer : IPackageAnalyzer
{
    private const long MaxSize = 64 * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.Composer;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Path.EndsWith("/vendor/composer/installed.json", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.File.Size > MaxSize)
        {
            return AnalysisResult.Warning(input.File, $"installed.json is {input.File.Size} bytes, over the {MaxSize}-byte limit; skipped");
        }

        var entries = await InstalledJsonParser.ParseAsync(input.Content, cancellationToken);
        return AnalysisResult.Of(entries.Select(ToPackage).ToList());
    }

    private static Package ToPackage(InstalledJsonParser.Entry entry)
    {
        var slash = entry.Name.IndexOf('/', StringComparison.Ordinal);
        var purl = slash > 0
            ? PackageUrl.Create("composer", entry.Name[..slash], entry.Name[(slash + 1)..], entry.Version)
            : PackageUrl.Create("composer", null, entry.Name, entry.Version);
        return new Package(Ecosystem.Packagist, entry.Name, entry.Version, PackageType.Library, purl) { Licenses = entry.Licenses };
    }
}
