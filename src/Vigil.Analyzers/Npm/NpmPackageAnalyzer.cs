using Vigil.Analyzers.Abstractions;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Npm;

/// <summary>
/// Lists installed npm packages: <c>node_modules/&lt;name&gt;/package.json</c> and <c>node_modules/@scope/&lt;name&gt;/package.json</c>.
/// </summary>
/// <remarks>
/// The application's own <c>package.json</c> (outside <c>node_modules</c>) is not a package: it is not published to npm,
/// and matching it by name would report advisories of an unrelated registry package of the same name. Trivy lists it;
/// Vigil does not. Manifests nested deeper inside a package (<c>dist/esm/package.json</c>) are not packages either.
/// </remarks>
public sealed class NpmPackageAnalyzer : IPackageAnalyzer
{
    private const long MaxSize = 8 * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.NpmPackage;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return IsInstalledManifest(file.Path);
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.File.Size > MaxSize)
        {
            return AnalysisResult.Warning(input.File, $"package.json is {input.File.Size} bytes, over the {MaxSize}-byte limit; skipped");
        }

        var manifest = await PackageJsonParser.ParseAsync(input.Content, cancellationToken);
        return manifest is null ? AnalysisResult.Empty : AnalysisResult.Of([NpmPackages.Create(manifest.Name, manifest.Version, manifest.Licenses)]);
    }

    internal static bool IsInstalledManifest(string path)
    {
        if (!path.EndsWith("/package.json", StringComparison.Ordinal))
        {
            return false;
        }

        // …/node_modules/<name>/package.json or …/node_modules/@scope/<name>/package.json
        var dir = path.AsSpan(0, path.Length - "/package.json".Length);
        var nameStart = dir.LastIndexOf('/');
        if (nameStart < 0)
        {
            return false;
        }

        var parent = dir[..nameStart];
        var parentStart = parent.LastIndexOf('/');
        var parentName = parent[(parentStart + 1)..];
        if (parentName.SequenceEqual("node_modules"))
        {
            return dir[(nameStart + 1)..] is not ['.' or '@', ..];
        }

        if (parentName is ['@', _, ..] && parentStart >= 0)
        {
            var grand = parent[..parentStart];
            return grand.EndsWith("/node_modules", StringComparison.Ordinal);
        }

        return false;
    }
}
