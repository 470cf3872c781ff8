using Vigil.Analyzers.Abstractions;
using Vigil.Core;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Maven;

/// <summary>Lists the Maven artifacts in Java archives (<c>.jar</c>, <c>.war</c>, <c>.ear</c>), nested archives included.</summary>
/// <remarks>
/// A zip's directory is at its end, so the archive needs random access. A non-seekable input is held in memory when small
/// and spooled to a temporary file (deleted on close) when large, so a 1 GB archive costs disk, not memory; archives over
/// <see cref="MaxSize"/> are skipped with a warning.
/// </remarks>
public sealed class JarAnalyzer : IPackageAnalyzer
{
    /// <summary>The largest archive read (2 GiB).</summary>
    public const long MaxSize = 2L * 1024 * 1024 * 1024;

    private const long MaxInMemory = 32L * 1024 * 1024;

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

    private static async Task<(Stream Stream, bool Owned)> SeekableAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        if (input.Content.CanSeek)
        {
            return (input.Content, false);
        }

        Stream target = input.File.Size <= MaxInMemory
            ? new MemoryStream((int)Math.Max(input.File.Size, 0))
            : new FileStream(Path.Combine(Path.GetTempPath(), $"vigil-jar-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await input.Content.CopyToAsync(target, cancellationToken);
            target.Position = 0;
            return (target, true);
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
    }

    private static Package ToPackage(MavenArtifact artifact) =>
        new(Ecosystem.Maven, $"{artifact.GroupId}:{artifact.ArtifactId}", artifact.Version, PackageType.Library,
            PackageUrl.Create("maven", artifact.GroupId, artifact.ArtifactId, artifact.Version))
        {
            FilePath = artifact.Location,
        };
}
