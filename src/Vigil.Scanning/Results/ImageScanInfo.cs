using Vigil.Core;

namespace Vigil.Scanning.Results;

/// <summary>When and against which vulnerability database the findings of one image digest were produced.</summary>
/// <param name="Digest">The image (manifest) digest.</param>
/// <param name="DatabaseVersion">The vulnerability database version the image was matched against.</param>
/// <param name="ScannedAt">When the findings were produced.</param>
public sealed record ImageScanInfo(Digest Digest, string DatabaseVersion, DateTimeOffset ScannedAt)
{
    /// <summary>When the vulnerability database was built, if known; the dashboard shows its age.</summary>
    public DateTimeOffset? DatabaseBuiltAt { get; init; }

    /// <summary>The operating system found in the image (<c>debian 12</c>), if known.</summary>
    public string? OperatingSystem { get; init; }
}
