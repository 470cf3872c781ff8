using System.Xml.Linq;
using Vigil.Reporting.Writers.JUnit;

namespace Vigil.Reporting.Tests.Writers;

public class JUnitReportWriterTests
{
    private static async Task<XElement> WriteAsync(ScanReport report) =>
        XDocument.Parse(await WriterOutput.RenderAsync(new JUnitReportWriter(), report)).Root!;

    private static int Count(XElement element, string name) => (int)element.Attribute(name)!;

    [Fact]
    public async Task Has_a_failing_case_per_finding_and_consistent_counts()
    {
        var root = await WriteAsync(ReportFixtures.Report());

        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal((5, 5, 0, 0), (Count(root, "tests"), Count(root, "failures"), Count(root, "errors"), Count(root, "skipped")));
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal(["Debian GNU/Linux 12 (bookworm) (os)", "npm (library)"], suites.Select(s => (string)s.Attribute("name")!));
        foreach (var suite in suites)
        {
            var cases = suite.Elements("testcase").ToList();
            Assert.Equal(cases.Count, Count(suite, "tests"));
            Assert.Equal(cases.Count(c => c.Element("failure") is not null), Count(suite, "failures"));
        }

        Assert.Equal(Count(root, "tests"), suites.Sum(s => Count(s, "tests")));
        var openssl = suites[0].Elements("testcase").First();
        Assert.Equal("[CRITICAL] CVE-2024-0001 in openssl 3.0.11-1~deb12u1", (string)openssl.Attribute("name")!);
        var failure = openssl.Element("failure")!;
        Assert.Equal("CRITICAL", (string)failure.Attribute("type")!);
        Assert.Contains("Fixed: 3.0.13-1~deb12u1", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suppressed_findings_are_skipped_cases()
    {
        var root = await WriteAsync(ReportFixtures.ReportWithSuppressions());

        Assert.Equal((5, 4, 1), (Count(root, "tests"), Count(root, "failures"), Count(root, "skipped")));
        var skipped = root.Descendants("skipped").Single();
        Assert.Equal("ignore-file: zlib inflate is not used (until 2027-01-31)", (string)skipped.Attribute("message")!);
    }

    [Fact]
    public async Task Nothing_found_is_one_passing_case()
    {
        var root = await WriteAsync(ReportFixtures.EmptyReport());

        Assert.Equal((1, 0, 0), (Count(root, "tests"), Count(root, "failures"), Count(root, "skipped")));
        var testCase = root.Descendants("testcase").Single();
        Assert.Empty(testCase.Elements());
        Assert.Equal("no vulnerabilities in docker.io/library/nginx:1.25", (string)testCase.Attribute("name")!);
    }

    [Fact]
    public async Task Control_characters_and_markup_in_advisories_still_give_valid_xml()
    {
        var hostile = ReportFixtures.Findings[0] with { Summary = "a\u0001b\u001b[31m <x>&\"' \ud800 end" };

        var root = await WriteAsync(ReportFixtures.Report(findings: [hostile]));

        Assert.Equal("a b [31m <x>&\"' \ufffd end", (string)root.Descendants("failure").Single().Attribute("message")!);
    }
}
