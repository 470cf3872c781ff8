using System.Buffers;
using System.Collections.Concurrent;
using Vigil.Analyzers.Abstractions;
using Vigil.Core;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers;

/// <summary>
/// Runs the package analyzers over the files of an image as they stream past, and turns what survives the layers into an
/// <see cref="Inventory"/>. One builder serves one scan.
/// </summary>
/// <remarks>
/// <threadsafety><see cref="VisitAsync"/> may run concurrently for files of different layers. <see cref="Build"/> is called
/// once, after every layer has been visited.</threadsafety>
/// </remarks>
public sealed class InventoryBuilder : IFileVisitor
{
    private readonly IReadOnlyList<IPackageAnalyzer> _analyzers;
    private readonly InventoryBuilderOptions _options;
    private readonly ConcurrentDictionary<(int Layer, string Path, string AnalyzerId), FileResult> _results = new();
    private readonly ConcurrentQueue<ScanWarning> _globalWarnings = new();

    /// <summary>Creates a builder over <paramref name="analyzers"/> (ids must be unique).</summary>
    public InventoryBuilder(IEnumerable<IPackageAnalyzer> analyzers, InventoryBuilderOptions? options = null)
    {
        _analyzers = AnalyzerCatalog.EnsureUnique(analyzers);
        _options = options ?? new InventoryBuilderOptions();
    }

    /// <summary>The analyzers this builder runs.</summary>
    public IReadOnlyList<IPackageAnalyzer> Analyzers => _analyzers;

    /// <inheritdoc/>
    public bool Wants(FileEntry entry)
    {
        foreach (var analyzer in _analyzers)
        {
            if (analyzer.IsRequired(entry))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public async ValueTask VisitAsync(FileEntry entry, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(content);
        var accepting = _analyzers.Where(a => a.IsRequired(entry)).ToList();
        if (accepting.Count == 0)
        {
            return;
        }

        if (accepting.Count == 1)
        {
            await RunAsync(accepting[0], entry, content, cancellationToken);
            return;
        }

        // Several analyzers want the same bytes (an ELF binary: Go and Rust): read the forward-only stream once.
        if (entry.Size <= _options.MemoryBufferLimit)
        {
            await RunBufferedInMemoryAsync(accepting, entry, content, cancellationToken);
        }
        else
        {
            await RunSpooledAsync(accepting, entry, content, cancellationToken);
        }
    }

    /// <summary>Turns the visited files that survive into an inventory.</summary>
    /// <param name="fileSystem">The final file system; null when every visited file survives (a plain directory).</param>
    /// <param name="artifact">What was inventoried.</param>
    /// <param name="timeProvider">The clock for <see cref="Inventory.CreatedAt"/>.</param>
    public Inventory Build(ILayeredFileSystem? fileSystem, ArtifactInfo artifact, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var surviving = _results.Values
            .Where(r => fileSystem is null || fileSystem.Survives(r.File.Path, r.File.LayerIndex))
            .OrderBy(r => r.File.LayerIndex)
            .ThenBy(r => r.File.Path, StringComparer.Ordinal)
            .ThenBy(r => r.AnalyzerId, StringComparer.Ordinal)
            .ToList();

        var os = OsSelector.Select(surviving.Where(r => r.Result.Os is not null).Select(r => (r.File.Path, r.Result.Os!)));
        var superseded = SupersededLockfiles.Find(surviving.Select(r => (r.File.Path, r.AnalyzerId)));
        var packages = new Dictionary<(string, string, string, string?), Package>();
        foreach (var result in surviving.Where(r => !(r.AnalyzerId == AnalyzerIds.NpmLock && superseded.Contains(r.File.Path))))
        {
            foreach (var package in result.Result.Packages)
            {
                var finished = OsPackageFinisher.Finish(package, os) with
                {
                    AnalyzerId = result.AnalyzerId,
                    LayerDigest = result.File.LayerDigest,
                    FilePath = package.FilePath ?? result.File.Path,
                };
                packages.TryAdd((finished.Ecosystem.ToString(), finished.Name, finished.Version, finished.FilePath), finished);
            }
        }

        var warnings = _globalWarnings.Concat(surviving.SelectMany(r => r.Result.Warnings))
            .Distinct()
            .OrderBy(w => w.Source, StringComparer.Ordinal)
            .ThenBy(w => w.Message, StringComparer.Ordinal)
            .ToList();

        return new Inventory(artifact, os, PackageOrder.Sort(packages.Values))
        {
            Warnings = warnings,
            CreatedAt = timeProvider.GetUtcNow(),
            AnalyzerVersions = new SortedDictionary<string, int>(_analyzers.ToDictionary(a => a.Id, a => a.Version), StringComparer.Ordinal),
        };
    }

    private async Task RunBufferedInMemoryAsync(List<IPackageAnalyzer> analyzers, FileEntry entry, Stream content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(entry.Size, 1));
        try
        {
            var length = await ReadUpToAsync(content, buffer, cancellationToken);
            foreach (var analyzer in analyzers)
            {
                using var copy = new MemoryStream(buffer, 0, length, writable: false);
                await RunAsync(analyzer, entry, copy, cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task RunSpooledAsync(List<IPackageAnalyzer> analyzers, FileEntry entry, Stream content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_options.TempDirectory ?? Path.GetTempPath(), $"vigil-spool-{Guid.NewGuid():N}");
        try
        {
            await using var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await content.CopyToAsync(spool, cancellationToken);
            foreach (var analyzer in analyzers)
            {
                spool.Position = 0;
                await RunAsync(analyzer, entry, spool, cancellationToken);
            }
        }
        catch (IOException ex)
        {
            _globalWarnings.Enqueue(new ScanWarning(entry.Path, $"could not spool the file for analysis: {ex.Message}"));
        }
    }

    private async Task RunAsync(IPackageAnalyzer analyzer, FileEntry entry, Stream content, CancellationToken cancellationToken)
    {
        AnalysisResult result;
        try
        {
            result = await analyzer.AnalyzeAsync(new AnalysisInput(entry, content), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (InvalidDataException ex)
        {
            result = AnalysisResult.Warning(entry, $"{analyzer.Id}: {ex.Message}; skipped");
        }
#pragma warning disable CA1031 // An analyzer's bug must cost one file, not the scan.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            result = AnalysisResult.Warning(entry, $"analyzer {analyzer.Id} failed: {ex.GetType().Name}: {ex.Message}");
        }

        _results[(entry.LayerIndex, entry.Path, analyzer.Id)] = new FileResult(entry, analyzer.Id, result);
    }

    private static async Task<int> ReadUpToAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await content.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private sealed record FileResult(FileEntry File, string AnalyzerId, AnalysisResult Result);
}
