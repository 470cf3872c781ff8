using Vigil.Analyzers.Abstractions;
using Vigil.Core;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Dpkg;

/// <summary>Lists the installed Debian packages from the dpkg status database, including distroless <c>status.d</c> files.</summary>
public sealed class DpkgStatusAnalyzer : IPackageAnalyzer
{
    private const string StatusPath = "/var/lib/dpkg/status";
    private const string StatusDirectory = "/var/lib/dpkg/status.d/";

    // Status files of full distributions are a few MB; far larger is not a status file.
    private const long MaxSize = 256L * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.Dpkg;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Path == StatusPath)
        {
            return true;
        }

        // Distroless: one file per package, plus <name>.md5sums files that hold no package data.
        return file.Path.StartsWith(StatusDirectory, StringComparison.Ordinal)
            && file.Path.IndexOf('/', StatusDirectory.Length) < 0
            && !file.Path.EndsWith(".md5sums", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.File.Size > MaxSize)
        {
            return AnalysisResult.Warning(input.File, $"dpkg status file is {input.File.Size} bytes, over the {MaxSize}-byte limit; skipped");
        }

        var parsed = await DpkgStatusParser.ParseAsync(input.Content, cancellationToken);
        var packages = parsed.Records.Where(r => r.IsInstalled).Select(ToPackage).ToList();
        var warnings = parsed.Errors.Select(e => new ScanWarning(input.File.Path, $"dpkg: {e}")).ToList();
        return AnalysisResult.Of(packages, warnings);
    }

    private static Package ToPackage(DpkgRecord record)
    {
        // The namespace and distro are placeholders until the builder knows the OS (Debian or Ubuntu, which release).
        var purl = PackageUrl.Create("deb", "debian", record.Name, record.Version, [new("arch", record.Architecture)]);
        return new Package(Ecosystem.Debian, record.Name, record.Version, PackageType.Os, purl)
        {
            SourceName = record.SourceName == record.Name ? null : record.SourceName,
            SourceVersion = record.SourceVersion == record.Version ? null : record.SourceVersion,
        };
    }
}
