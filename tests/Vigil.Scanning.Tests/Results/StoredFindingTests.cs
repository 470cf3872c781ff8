using Vigil.Core;
using Vigil.Scanning.Results;

namespace Vigil.Scanning.Tests.Results;

public sealed class StoredFindingTests
{
    [Fact]
    public void A_finding_survives_the_round_trip_through_the_store_shape()
    {
        var package = new Package(Ecosystem.Parse("Debian:12"), "openssl", "3.0.11-1~deb12u2", PackageType.Os, "pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12");
        var finding = new Finding("CVE-2024-5535", package, Severity.High)
        {
            Aliases = ["CVE-2024-5535", "DSA-5739-1"],
            FixedVersion = "3.0.14-1~deb12u1",
            CvssScore = 9.1,
            CvssVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H",
            Summary = "SSL_select_next_proto buffer overread",
            References = ["https://security-tracker.debian.org/tracker/CVE-2024-5535"],
            Published = new DateTimeOffset(2024, 6, 27, 11, 15, 0, TimeSpan.Zero),
        };

        var back = StoredFinding.From(finding).ToFinding();

        Assert.Equal((finding.Id, finding.Severity, finding.FixedVersion, finding.CvssScore, finding.CvssVector, finding.Summary, finding.Published), (back.Id, back.Severity, back.FixedVersion, back.CvssScore, back.CvssVector, back.Summary, back.Published));
        Assert.Equal(finding.Aliases, back.Aliases);
        Assert.Equal(finding.References, back.References);
        Assert.Equal((package.Ecosystem, package.Name, package.Version, package.Type, package.Purl), (back.Package.Ecosystem, back.Package.Name, back.Package.Version, back.Package.Type, back.Package.Purl));
    }

    [Fact]
    public void A_finding_stored_without_an_ecosystem_comes_back_as_unknown()
    {
        var stored = new StoredFinding("GHSA-x", Severity.Low, "left-pad", "1.0.0") { Ecosystem = "" };

        Assert.Equal("unknown", stored.ToFinding().Package.Ecosystem.Name);
    }
}
