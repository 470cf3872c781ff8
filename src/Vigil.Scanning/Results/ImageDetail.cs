using Vigil.Core;

namespace Vigil.Scanning.Results;

/// <summary>One image digest: its repositories, its last scan, its counts and where it runs.</summary>
/// <param name="Digest">The image digest.</param>
/// <param name="Repositories">Repositories it is pulled from (usually one).</param>
/// <param name="Platform">The platform that runs, when known.</param>
/// <param name="Scan">Its last scan, or null when it has not been scanned.</param>
/// <param name="Counts">Its findings per severity.</param>
/// <param name="UsedBy">Containers running it.</param>
public sealed record ImageDetail(
    Digest Digest,
    IReadOnlyList<string> Repositories,
    Platform? Platform,
    ImageScanInfo? Scan,
    SeverityCounts Counts,
    IReadOnlyList<ImageUsage> UsedBy);
