using Vigil.Core;
using Vigil.Scanning.Results;

namespace Vigil.Scanning.Tests.Results;

/// <summary>Small building blocks for results-store tests.</summary>
internal static class ResultFixtures
{
    public static readonly Digest NginxDigest = Digest.Sha256("nginx"u8);
    public static readonly Digest RedisDigest = Digest.Sha256("redis"u8);
    public static readonly Digest AppDigest = Digest.Sha256("app"u8);

    public static WorkloadKey Key(string ns, string name, string kind = "Deployment") => new("prod", ns, kind, name);

    public static Workload Workload(string ns, string name, string kind = "Deployment") =>
        new(Key(ns, name, kind), new Dictionary<string, string> { ["app"] = name });

    public static WorkloadContainer Container(string name, string repository, Digest digest) =>
        new(name, repository + ":latest", repository, digest, Platform.Default);

    public static Finding Finding(string id, string package, Severity severity, string? fixedVersion = null, params string[] aliases)
    {
        var pkg = new Package(new Ecosystem("Debian", "12"), package, "1.0-1", PackageType.Os, $"pkg:deb/debian/{package}@1.0-1?distro=debian-12");
        return new Finding(id, pkg, severity)
        {
            Aliases = [id, .. aliases],
            FixedVersion = fixedVersion,
            CvssScore = severity == Severity.Critical ? 9.8 : null,
            Summary = $"{package}: problem {id}",
            References = [$"https://security-tracker.debian.org/tracker/{id}"],
        };
    }

    public static ImageScanInfo Scan(Digest digest, DateTimeOffset at, string version = "db-1") => new(digest, version, at)
    {
        DatabaseBuiltAt = at.AddHours(-6),
        OperatingSystem = "debian 12",
    };
}
