using System.Text.Json;
using NJsonSchema;
using Vigil.Core;
using Vigil.Reporting.Writers.Sarif;

namespace Vigil.Reporting.Tests.Writers;

public class SarifReportWriterTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Sarif", "testdata", "sarif-schema-2.1.0.json")));

    private static async Task<JsonElement> WriteValidAsync(ScanReport report)
    {
        var text = await WriterOutput.RenderAsync(new SarifReportWriter(), report);
        var errors = (await Schema.Value).Validate(text);
        Assert.True(errors.Count == 0, string.Join('\n', errors.Select(e => $"{e.Path}: {e.Kind}")));
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Is_valid_sarif_210_with_one_rule_per_vulnerability()
    {
        var sarif = await WriteValidAsync(ReportFixtures.Report());

        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        var run = Assert.Single(sarif.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal(("Vigil", "1.0.0"), (driver.GetProperty("name").GetString(), driver.GetProperty("version").GetString()));
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["CVE-2024-0001", "CVE-2021-44906", "CVE-2023-4911", "CVE-2021-23337", "CVE-2023-9999"], rules.Select(r => r.GetProperty("id").GetString()));
        var openssl = rules[0];
        Assert.Equal("9.8", openssl.GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Equal(["vulnerability", "security", "CRITICAL"], openssl.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("Buffer overflow in X.509 \\| name checks", openssl.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Contains("Package: openssl 3.0.11-1~deb12u1, fixed version: 3.0.13-1~deb12u1", openssl.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://osv.dev/vulnerability/CVE-2024-0001", openssl.GetProperty("helpUri").GetString());
        Assert.Equal("2.0", rules[4].GetProperty("properties").GetProperty("security-severity").GetString());
    }

    [Fact]
    public async Task Results_have_levels_locations_and_fingerprints()
    {
        var sarif = await WriteValidAsync(ReportFixtures.Report());
        var results = sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(5, results.Count);
        Assert.Equal(["error", "error", "error", "error", "note"], results.Select(r => r.GetProperty("level").GetString()));
        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => r.GetProperty("ruleIndex").GetInt32()));
        var uris = results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()).ToList();
        Assert.Equal("var/lib/dpkg/status", uris[0]);
        Assert.Equal("app/node_modules/minimist/package.json", uris[1]);
        var fingerprints = results.Select(r => r.GetProperty("partialFingerprints").GetProperty("vigilFinding/v1").GetString()).ToList();
        Assert.Equal(5, fingerprints.Distinct().Count());
        Assert.All(fingerprints, f => Assert.Matches("^[0-9a-f]{64}$", f!));
        Assert.Equal(
            "Package openssl 3.0.11-1~deb12u1 is affected by CVE-2024-0001 (CRITICAL). Fixed in 3.0.13-1~deb12u1.",
            results[0].GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Fingerprints_survive_a_package_upgrade()
    {
        var before = await WriteValidAsync(ReportFixtures.Report(findings: [ReportFixtures.Findings[3]]));
        var upgraded = ReportFixtures.Findings[3] with { Package = ReportFixtures.Npm("lodash", "4.17.20-patched") };
        var after = await WriteValidAsync(ReportFixtures.Report(findings: [upgraded]));

        static string? Fingerprint(JsonElement sarif) =>
            sarif.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("partialFingerprints").GetProperty("vigilFinding/v1").GetString();
        Assert.Equal(Fingerprint(before), Fingerprint(after));
    }

    [Fact]
    public async Task Packages_without_a_file_point_at_the_image_reference()
    {
        var noPath = ReportFixtures.Findings[0] with { Package = ReportFixtures.OpenSsl with { FilePath = null } };

        var sarif = await WriteValidAsync(ReportFixtures.Report(findings: [noPath]));

        var location = sarif.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0];
        Assert.Equal("docker.io/library/nginx%3A1.25", location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task Suppressed_findings_are_left_out_and_warnings_become_notifications()
    {
        var sarif = await WriteValidAsync(ReportFixtures.ReportWithSuppressions());
        var run = sarif.GetProperty("runs")[0];

        Assert.DoesNotContain(run.GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "CVE-2023-9999");
        var notification = Assert.Single(run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Contains("expired on 2026-01-01", notification.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_report_is_valid_sarif_with_no_results()
    {
        var sarif = await WriteValidAsync(ReportFixtures.EmptyReport());

        Assert.Equal(0, sarif.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task The_vendored_schema_rejects_a_broken_log()
    {
        var errors = (await Schema.Value).Validate("""{"version":"2.1.0","runs":[{"results":[{"level":"severe"}]}]}""");

        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData(Severity.Critical, 9.1, "9.1")]
    [InlineData(Severity.High, 9.8, "8.0")]
    [InlineData(Severity.Medium, null, "5.5")]
    [InlineData(Severity.Unknown, null, "0.0")]
    public async Task Security_severity_uses_the_cvss_score_only_when_it_agrees(Severity severity, double? score, string expected)
    {
        var finding = ReportFixtures.Findings[0] with { Severity = severity, CvssScore = score };

        var sarif = await WriteValidAsync(ReportFixtures.Report(findings: [finding]));

        var rule = sarif.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
        Assert.Equal(expected, rule.GetProperty("properties").GetProperty("security-severity").GetString());
    }
}
