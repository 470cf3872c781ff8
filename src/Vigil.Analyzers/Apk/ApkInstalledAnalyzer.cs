using Vigil.Analyzers.Abstractions;
using Vigil.Core;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Apk;

/// <summary>Lists installed Alpine (and Wolfi, Chainguard) packages from <c>/lib/apk/db/installed</c>.</summary>
public sealed class ApkInstalledAnalyzer : IPackageAnalyzer
{
    private const long MaxSize = 256L * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.Apk;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Path == "/lib/apk/db/installed";
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.File.Size > MaxSize)
        {
            return AnalysisResult.Warning(input.File, $"apk database is {input.File.Size} bytes, over the {MaxSize}-byte limit; skipped");
        }

        var parsed = await ApkInstalledParser.ParseAsync(input.Content, cancellationToken);
        var packages = parsed.Records.Select(ToPackage).ToList();
        return AnalysisResult.Of(packages, parsed.Errors.Select(e => new ScanWarning(input.File.Path, $"apk: {e}")).ToList());
    }

    private static Package ToPackage(ApkRecord record)
    {
        // Namespace and distro are placeholders until the builder knows the OS (Alpine, Wolfi, Chainguard).
        var purl = PackageUrl.Create("apk", "alpine", record.Name, record.Version, [new("arch", record.Architecture)]);
        return new Package(Ecosystem.Alpine, record.Name, record.Version, PackageType.Os, purl)
        {
            SourceName = record.Origin is { Length: > 0 } origin && origin != record.Name ? origin : null,
            Licenses = record.License is { Length: > 0 } license ? [license] : [],
        };
    }
}
