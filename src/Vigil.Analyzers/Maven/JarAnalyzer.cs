using Vigil.Analyzers.Abstractions;
using Vigil.Analyzers.Internal;
using Vigil.Core;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Maven;

/// <summary>Lists the Maven artifacts in Java archives (<c>.jar</c>, <c>.war</c>, <c>.ear</c>), nested archives included.</summary>
/// <remarks>
/// A zip's directory is at its end, so the archive needs random access: a non-seekable input is copied with
/// <see cref="SpooledCopy"/> (pooled memory when small, a temporary file when large), so a 1 GB archive costs disk, not
/// memory; archives over <see cref="MaxSize"/> are skipped with a warning.
/// </remarks>
public sealed class JarAnalyzer : IPackageAnalyzer
{
    /// <summary>The largest archive read (2 GiB).</summary>
    public const long MaxSize = 2L * 1024 * 1024 * 1024;

    /// <inheritdoc/>
    public string Id => AnalyzerIds.Jar;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return JarParser.IsArchiveName(file.FileName);
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.File.Size > MaxSize)
        {
            return AnalysisResult.Warning(input.File, $"jar: archive of {input.File.Size} bytes is over the {MaxSize}-byte limit; skipped");
        }

        var (stream, owned) = await SeekableAsync(input, cancellationToken);
        try
        {
            var result = JarParser.Parse(stream, input.File.Path);
            var packages = result.Artifacts.Select(ToPackage).ToList();
            return AnalysisResult.Of(packages, result.Errors.Select(e => new ScanWarning(input.File.Path, $"jar: {e}")).ToList());
        }
        finally
        {
            if (owned)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private static async Task<(Stream Stream, bool Owned)> SeekableAsync(AnalysisInput input, CancellationToken cancellationToken) =>
        input.Content.CanSeek
            ? (input.Content, false)
            : (await SpooledCopy.CopyAsync(input.Content, input.File.Size, MaxSize, cancellationToken), true);

    private static Package ToPackage(MavenArtifact artifact) =>
        new(Ecosystem.Maven, $"{artifact.GroupId}:{artifact.ArtifactId}", artifact.Version, PackageType.Library,
            PackageUrl.Create("maven", artifact.GroupId, artifact.ArtifactId, artifact.Version))
        {
            FilePath = artifact.Location,
        };
}
