using System.Collections.Concurrent;
using Vigil.Core;
using Vigil.Kubernetes.Abstractions;

namespace Vigil.Kubernetes.Tests.Support;

/// <summary>
/// A stand-in for the scanning engine: images have fixed package lists, the "database" maps package names to
/// advisories and has a version that tests bump. Counts scans and re-matches.
/// </summary>
internal sealed class FakeEngine : IImageScanner, IFindingRematcher, IDatabaseVersionSource
{
    private readonly ConcurrentDictionary<Digest, IReadOnlyList<string>> _images = new();
    private readonly ConcurrentDictionary<(Digest Index, Platform Platform), (Digest Manifest, IReadOnlyList<string> Packages)> _platformImages = new();
    private readonly Lock _gate = new();
    private readonly List<(string Package, string Id, Severity Severity, string? Fixed)> _advisories = [];
    private int _scans;
    private int _rematches;

    public int DatabaseGeneration { get; private set; } = 1;

    public int Scans => _scans;

    public int Rematches => _rematches;

    public ConcurrentQueue<ImageScanRequest> Requests { get; } = new();

    public Func<ImageScanRequest, Task>? BeforeScan { get; set; }

    public void AddImage(Digest digest, params string[] packages) => _images[digest] = packages;

    /// <summary>One platform of a multi-platform image: its own manifest digest and packages.</summary>
    public void AddPlatformImage(Digest index, Platform platform, Digest manifest, params string[] packages) =>
        _platformImages[(index, platform)] = (manifest, packages);

    public void AddAdvisory(string package, string id, Severity severity, string? fixedVersion = null, bool bumpVersion = true)
    {
        lock (_gate)
        {
            _advisories.Add((package, id, severity, fixedVersion));
            if (bumpVersion)
            {
                DatabaseGeneration++;
            }
        }
    }

    public async Task<ImageScanResult> ScanAsync(ImageScanRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _scans);
        Requests.Enqueue(request);
        if (BeforeScan is not null)
        {
            await BeforeScan(request);
        }

        var manifest = request.Digest;
        if (_platformImages.TryGetValue((request.Digest, request.Platform), out var platformImage))
        {
            (manifest, var platformPackages) = platformImage;
            _images.TryAdd(manifest, platformPackages);
        }

        if (!_images.TryGetValue(manifest, out var packages))
        {
            throw new InvalidOperationException($"manifest unknown: {request.ImageReference}");
        }

        var inventory = new Inventory(
            new ArtifactInfo(request.ImageReference, ArtifactKind.Image) { ManifestDigest = manifest, Platform = request.Platform },
            new OsInfo("debian", "12", new Ecosystem("Debian", "12")),
            [.. packages.Select(p => new Package(new Ecosystem("Debian", "12"), p, "1.0", PackageType.Os, $"pkg:deb/debian/{p}@1.0"))]);
        var (findings, version) = Match(inventory);
        return new ImageScanResult(inventory, findings, version);
    }

    public Task<RematchResult> RematchAsync(Inventory inventory, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _rematches);
        var (findings, version) = Match(inventory);
        return Task.FromResult(new RematchResult(findings, version));
    }

    public Task<DatabaseVersion?> GetCurrentAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<DatabaseVersion?>(new DatabaseVersion($"db-{DatabaseGeneration}", DateTimeOffset.UnixEpoch));
        }
    }

    private (IReadOnlyList<Finding> Findings, string Version) Match(Inventory inventory)
    {
        lock (_gate)
        {
            var findings = inventory.Packages
                .SelectMany(p => _advisories.Where(a => a.Package == p.Name).Select(a => new Finding(a.Id, p, a.Severity) { FixedVersion = a.Fixed, Aliases = [a.Id] }))
                .ToList();
            return (findings, $"db-{DatabaseGeneration}");
        }
    }
}
