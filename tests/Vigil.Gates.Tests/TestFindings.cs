using Vigil.Core;
using Vigil.Gates.Abstractions;

namespace Vigil.Gates.Tests;

/// <summary>Builds findings and scan results for tests.</summary>
internal static class TestFindings
{
    public static readonly Digest DigestA = Digest.Sha256("image-a"u8);
    public static readonly Digest DigestB = Digest.Sha256("image-b"u8);

    public static Finding Create(string id, Severity severity, string? fixedVersion = "1.0.1", string package = "openssl", DateTimeOffset? published = null, params string[] aliases)
    {
        var pkg = new Package(new Ecosystem("Debian", "12"), package, "1.0.0", PackageType.Os, $"pkg:deb/debian/{package}@1.0.0?distro=debian-12");
        return new Finding(id, pkg, severity)
        {
            FixedVersion = fixedVersion,
            Published = published ?? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Aliases = [id, .. aliases],
        };
    }

    public static ImageScanResult Scan(Digest digest, DateTimeOffset scannedAt, params Finding[] findings) => new(digest, findings, scannedAt);
}
