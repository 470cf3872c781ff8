using System.Text.Json;
using Vigil.Reporting.Writers.Json;

namespace Vigil.Reporting.Tests.Writers;

public class JsonReportWriterTests
{
    private static async Task<JsonElement> WriteAsync(ScanReport report)
    {
        var text = await WriterOutput.RenderAsync(new JsonReportWriter(), report);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Writes_the_versioned_schema_with_findings_and_summary()
    {
        var json = await WriteAsync(ReportFixtures.Report());

        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("vigil", json.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal("2026-11-22T12:00:00+00:00", json.GetProperty("scannedAt").GetString());
        var artifact = json.GetProperty("artifact");
        Assert.Equal(("image", "docker.io/library/nginx", "linux/amd64"), (artifact.GetProperty("kind").GetString(), artifact.GetProperty("repository").GetString(), artifact.GetProperty("platform").GetString()));
        Assert.StartsWith("sha256:", artifact.GetProperty("manifestDigest").GetString(), StringComparison.Ordinal);
        Assert.Equal("Debian:12", json.GetProperty("os").GetProperty("ecosystem").GetString());
        Assert.Equal("1", json.GetProperty("database").GetProperty("version").GetString());
        var summary = json.GetProperty("summary");
        Assert.Equal((5, 4, 0), (summary.GetProperty("total").GetInt32(), summary.GetProperty("fixable").GetInt32(), summary.GetProperty("suppressed").GetInt32()));
        Assert.Equal(["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"], summary.GetProperty("bySeverity").EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, summary.GetProperty("bySeverity").GetProperty("CRITICAL").GetInt32());
        Assert.Equal(5, json.GetProperty("packages").GetArrayLength());

        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["CVE-2024-0001", "CVE-2021-44906", "CVE-2023-4911", "CVE-2021-23337", "CVE-2023-9999"], findings.Select(f => f.GetProperty("id").GetString()));
        var first = findings[0];
        Assert.Equal("CRITICAL", first.GetProperty("severity").GetString());
        Assert.Equal(9.8, first.GetProperty("cvssScore").GetDouble());
        Assert.Equal(("3.0.11-1~deb12u1", "3.0.13-1~deb12u1"), (first.GetProperty("installedVersion").GetString(), first.GetProperty("fixedVersion").GetString()));
        Assert.Equal(["CVE-2024-0001", "DSA-5600-1"], first.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("os", first.GetProperty("package").GetProperty("type").GetString());
        Assert.Equal("/var/lib/dpkg/status", first.GetProperty("package").GetProperty("filePath").GetString());
        Assert.False(findings[^1].TryGetProperty("fixedVersion", out _), "null fields are left out");
    }

    [Fact]
    public async Task Writes_suppressions_expired_entries_and_warnings()
    {
        var json = await WriteAsync(ReportFixtures.ReportWithSuppressions());

        var suppressed = Assert.Single(json.GetProperty("suppressed").EnumerateArray());
        Assert.Equal("CVE-2023-9999", suppressed.GetProperty("finding").GetProperty("id").GetString());
        var suppression = suppressed.GetProperty("suppression");
        Assert.Equal(("ignore-file", ".vigilignore:3", "2027-01-31"), (suppression.GetProperty("kind").GetString(), suppression.GetProperty("source").GetString(), suppression.GetProperty("expires").GetString()));
        var expired = Assert.Single(json.GetProperty("expiredIgnoreEntries").EnumerateArray());
        Assert.Equal(("CVE-2021-44906", "2026-01-01", "build-time only"), (expired.GetProperty("id").GetString(), expired.GetProperty("expires").GetString(), expired.GetProperty("reason").GetString()));
        Assert.Equal(".vigilignore:7", Assert.Single(json.GetProperty("warnings").EnumerateArray()).GetProperty("source").GetString());
        Assert.Equal(1, json.GetProperty("summary").GetProperty("suppressed").GetInt32());
    }

    [Fact]
    public async Task Output_is_deterministic()
    {
        var report = ReportFixtures.ReportWithSuppressions();

        Assert.Equal(await WriterOutput.RenderAsync(new JsonReportWriter(), report), await WriterOutput.RenderAsync(new JsonReportWriter(), report));
    }
}
