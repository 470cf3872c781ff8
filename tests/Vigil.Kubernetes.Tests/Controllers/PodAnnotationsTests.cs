using Vigil.Core;
using Vigil.Kubernetes.Controllers;

namespace Vigil.Kubernetes.Tests.Controllers;

public sealed class PodAnnotationsTests
{
    [Fact]
    public void Reads_skip_ignore_unfixed_and_ids()
    {
        var parsed = PodAnnotations.Parse(new Dictionary<string, string>
        {
            ["vigil.dev/skip"] = "false",
            ["vigil.dev/ignore-unfixed"] = " True ",
            ["vigil.dev/ignore"] = "CVE-2024-1, ghsa-xxxx-yyyy-zzzz,,\nCVE-2024-2",
        });

        Assert.False(parsed.Skip);
        Assert.True(parsed.IgnoreUnfixed);
        Assert.Equal(3, parsed.IgnoredIds.Count);
        Assert.Contains("GHSA-XXXX-YYYY-ZZZZ", parsed.IgnoredIds);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("\u0000")]
    public void A_value_that_is_not_a_boolean_is_false_with_a_problem(string value)
    {
        var problems = new List<string>();
        var parsed = PodAnnotations.Parse(new Dictionary<string, string> { ["vigil.dev/skip"] = value }, problems);

        Assert.False(parsed.Skip);
        Assert.Contains("vigil.dev/skip", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_drops_ignored_ids_by_alias_and_unfixed()
    {
        var package = new Package(new Ecosystem("Debian", "12"), "openssl", "3.0", PackageType.Os, "pkg:deb/debian/openssl@3.0");
        Finding[] findings =
        [
            new("CVE-1", package, Severity.High) { FixedVersion = "3.1" },
            new("CVE-2", package, Severity.Critical),
            new("CVE-3", package, Severity.Low) { FixedVersion = "3.1", Aliases = ["CVE-3", "DSA-9"] },
        ];

        var kept = ReportSummary.Filter(findings, new PodAnnotations(false, true, new HashSet<string>(["dsa-9"], StringComparer.OrdinalIgnoreCase)));

        Assert.Equal(["CVE-1"], kept.Select(f => f.Id));
        Assert.Equal(3, ReportSummary.Filter(findings, PodAnnotations.None).Count);
    }

    [Fact]
    public void Top_findings_are_at_most_ten_worst_first()
    {
        var package = new Package(new Ecosystem("Debian", "12"), "p", "1", PackageType.Os, "pkg:deb/debian/p@1");
        var findings = Enumerable.Range(0, 30).Select(i => new Finding($"CVE-{i:00}", package, (Severity)(i % 5)) { FixedVersion = i % 2 == 0 ? "2" : null }).ToList();

        var top = ReportSummary.Top(findings);

        Assert.Equal(10, top.Count);
        Assert.All(top.Take(6), f => Assert.Equal("CRITICAL", f.Severity));
        Assert.Equal("CVE-04", top[0].Id);
        Assert.Equal(30, ReportSummary.Count(findings).Total);
    }
}
