using System.Text;
using Microsoft.Extensions.Time.Testing;
using Vigil.Core;
using Vigil.Reporting.Filtering;

namespace Vigil.Reporting.Tests;

/// <summary>A small, realistic scan: a Debian image with OS packages and npm libraries, and findings on both.</summary>
internal static class ReportFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    public static ArtifactInfo Artifact { get; } = new("docker.io/library/nginx:1.25", ArtifactKind.Image)
    {
        ManifestDigest = Digest.Sha256(Encoding.UTF8.GetBytes("manifest")),
        ConfigDigest = Digest.Sha256(Encoding.UTF8.GetBytes("config")),
        Repository = "docker.io/library/nginx",
        Platform = Platform.Default,
    };

    public static OsInfo Os { get; } = new("debian", "12", new Ecosystem("Debian", "12"))
    {
        PrettyName = "Debian GNU/Linux 12 (bookworm)",
        Codename = "bookworm",
    };

    public static Package Deb(string name, string version, string? source = null) =>
        new(new Ecosystem("Debian", "12"), name, version, PackageType.Os,
            PackageUrl.Create("deb", "debian", name, version, [new("arch", "amd64"), new("distro", "debian-12")]))
        {
            SourceName = source,
            AnalyzerId = "dpkg",
            FilePath = "/var/lib/dpkg/status",
        };

    public static Package Npm(string name, string version) =>
        new(Ecosystem.Npm, name, version, PackageType.Library, PackageUrl.Create("npm", null, name, version))
        {
            AnalyzerId = "npm",
            FilePath = $"/app/node_modules/{name}/package.json",
        };

    public static Package OpenSsl { get; } = Deb("openssl", "3.0.11-1~deb12u1");

    public static Package Libc { get; } = Deb("libc6", "2.36-9+deb12u3", source: "glibc");

    public static Package Zlib { get; } = Deb("zlib1g", "1:1.2.13.dfsg-1");

    public static Package Lodash { get; } = Npm("lodash", "4.17.20");

    public static Package Minimist { get; } = Npm("minimist", "1.2.5");

    public static Finding Finding(string id, Package package, Severity severity, string? fixedVersion, string? summary = null, params string[] aliases) =>
        new(id, package, severity)
        {
            Aliases = [id, .. aliases],
            AdvisoryIds = [id],
            FixedVersion = fixedVersion,
            Summary = summary,
            SeveritySource = "cvss",
            References = [$"https://osv.dev/vulnerability/{id}"],
        };

    /// <summary>Five findings: CRITICAL×2, HIGH×2, LOW×1; four fixable.</summary>
    public static IReadOnlyList<Finding> Findings { get; } =
    [
        Finding("CVE-2024-0001", OpenSsl, Severity.Critical, "3.0.13-1~deb12u1", "Buffer overflow in X.509 | name checks", "DSA-5600-1") with { CvssScore = 9.8 },
        Finding("CVE-2023-4911", Libc, Severity.High, "2.36-9+deb12u4", "Looney Tunables: local privilege escalation in ld.so") with { CvssScore = 7.8 },
        Finding("CVE-2023-9999", Zlib, Severity.Low, null, "Integer overflow in inflate"),
        Finding("CVE-2021-23337", Lodash, Severity.High, "4.17.21", "Command injection in lodash template", "GHSA-35jh-r3h4-6jhm") with { CvssScore = 7.2 },
        Finding("CVE-2021-44906", Minimist, Severity.Critical, "1.2.6", "Prototype pollution in minimist", "GHSA-xvch-5gv4-984h") with { CvssScore = 9.8 },
    ];

    public static Inventory Inventory { get; } =
        new(Artifact, Os, [OpenSsl, Libc, Zlib, Lodash, Minimist]) { CreatedAt = Now };

    public static ScanReport Report(FindingFilterOptions? options = null, IEnumerable<Finding>? findings = null)
    {
        var clock = Clock();
        var filtered = new FindingFilter(clock).Apply(findings ?? Findings, Artifact, options ?? new FindingFilterOptions());
        return ScanReport.Create(
            Inventory,
            filtered,
            clock,
            new DatabaseInfo("1", "sha256:5d41402abc4b2a76b9719d911017c592", Now.AddHours(-3)) { Source = "vigil.db" })
            with
        { ToolVersion = "1.0.0" };
    }

    /// <summary>A report with a suppressed finding (ignore file), an expired ignore entry and a warning.</summary>
    public static ScanReport ReportWithSuppressions() => Report(new FindingFilterOptions
    {
        IgnoreEntries =
        [
            new IgnoreEntry("CVE-2023-9999") { Reason = "zlib inflate is not used", Source = ".vigilignore:3", Expires = new DateOnly(2027, 1, 31) },
            new IgnoreEntry("CVE-2021-44906") { Reason = "build-time only", Source = ".vigilignore:7", Expires = new DateOnly(2026, 1, 1) },
        ],
    });

    public static ScanReport EmptyReport() => Report(findings: []);
}
