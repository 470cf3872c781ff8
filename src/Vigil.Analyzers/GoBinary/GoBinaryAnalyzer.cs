using Vigil.Analyzers.Abstractions;
using Vigil.Core;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.GoBinary;

/// <summary>
/// Lists the Go modules compiled into executables (main module, dependencies with replacements applied) and the Go
/// toolchain as the package <c>stdlib</c>, which is how the Go vulnerability database names the standard library.
/// Files that are not ELF are ignored without a warning: most executables are scripts or C programs.
/// </summary>
/// <remarks>Versions are written as Go writes them (<c>v1.2.3</c>); the toolchain <c>go1.22.1</c> becomes <c>v1.22.1</c>.</remarks>
public sealed class GoBinaryAnalyzer : IPackageAnalyzer
{
    private const long MinSize = 1024;
    private const long MaxSize = 2L * 1024 * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.GoBinary;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.IsExecutable && file.Size is >= MinSize and <= MaxSize;
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await GoBuildInfoParser.ParseAsync(input.Content, cancellationToken);
        if (result.Error is not null)
        {
            return AnalysisResult.Warning(input.File, $"gobinary: {result.Error}");
        }

        if (result.Info is not { } info)
        {
            return AnalysisResult.Empty;
        }

        var packages = new List<Package>();
        if (info.Main is { } main && IsRealVersion(main.Version))
        {
            packages.Add(Create(main.Path, main.Version));
        }

        packages.AddRange(info.Dependencies.Where(d => IsRealVersion(d.Version)).Select(d => Create(d.Path, d.Version)));
        if (ToolchainVersion(info.GoVersion) is { } stdlib)
        {
            packages.Add(Create("stdlib", stdlib));
        }

        return AnalysisResult.Of(packages);
    }

    private static bool IsRealVersion(string version) => version.Length > 0 && version != "(devel)";

    // "go1.22.1" → "v1.22.1"; "go1.22.1 X:boringcrypto" → "v1.22.1"; "devel go1.23-abc" → null.
    private static string? ToolchainVersion(string goVersion)
    {
        var token = goVersion.Split(' ')[0];
        return token.StartsWith("go", StringComparison.Ordinal) && token.Length > 2 && char.IsAsciiDigit(token[2]) ? "v" + token[2..] : null;
    }

    private static Package Create(string path, string version)
    {
        var slash = path.LastIndexOf('/');
        var purl = slash > 0 ? PackageUrl.Create("golang", path[..slash], path[(slash + 1)..], version) : PackageUrl.Create("golang", null, path, version);
        return new Package(Ecosystem.Go, path, version, PackageType.Library, purl);
    }
}
