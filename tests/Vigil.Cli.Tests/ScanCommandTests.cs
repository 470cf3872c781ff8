using System.Text.Json;
using System.Xml.Linq;

namespace Vigil.Cli.Tests;

public sealed class ScanCommandTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private string[] Scan(params string[] extra) => ["scan", "image", "--input", demo.Layout, "--cache-dir", demo.CacheDir, .. extra];

    [Fact]
    public async Task Scan_WritesSeveralFormatsInOneRun()
    {
        Assert.True(demo.ExitCode == 0, demo.Stderr);
        var sarif = Path.Combine(demo.Directory, "out", "report.sarif");
        var junit = Path.Combine(demo.Directory, "out", "report.xml");
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Scan("--format", "json", "--format", $"sarif={sarif}", "--format", $"junit={junit}"));

        Assert.True(exitCode == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        using var sarifDoc = JsonDocument.Parse(await File.ReadAllTextAsync(sarif));
        Assert.Equal("2.1.0", sarifDoc.RootElement.GetProperty("version").GetString());
        var suite = XDocument.Load(junit);
        Assert.NotEmpty(suite.Descendants("testcase"));
        Assert.NotEmpty(suite.Descendants("failure"));
    }

    [Fact]
    public async Task Scan_ExitCodeWhenFindingsRemain()
    {
        var (exitCode, _, stderr) = await VigilProcess.RunAsync(Scan("--format", "json", "--exit-code", "7"));
        Assert.True(exitCode == 7, stderr);
    }

    [Fact]
    public async Task Scan_FiltersCanClearTheGate()
    {
        // The OS packages have HIGH, MEDIUM and LOW findings only: CRITICAL on os packages leaves nothing, so the gate passes.
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Scan("--format", "json", "--pkg-types", "os", "--severity", "CRITICAL", "--exit-code", "5"));
        Assert.True(exitCode == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task Scan_ExitCodeFromEnvironment()
    {
        var (exitCode, _, stderr) = await VigilProcess.RunAsync(Scan("--format", "json"), new Dictionary<string, string> { ["VIGIL_EXIT_CODE"] = "9" });
        Assert.True(exitCode == 9, stderr);
    }

    [Fact]
    public async Task Scan_EmptyDatabaseIsOneClearError()
    {
        var empty = Path.Combine(demo.Directory, "empty-cache");
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(["scan", "image", "--input", demo.Layout, "--cache-dir", empty]);
        Assert.Equal(3, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("vulnerability database is empty", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Scan_MissingInputIsOneClearError()
    {
        var (exitCode, _, stderr) = await VigilProcess.RunAsync(["scan", "image", "--input", "/nonexistent/image.tar", "--cache-dir", demo.CacheDir]);
        Assert.Equal(3, exitCode);
        Assert.Contains("/nonexistent/image.tar", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Scan_UnknownFormatFailsBeforeScanning()
    {
        var (exitCode, _, stderr) = await VigilProcess.RunAsync(Scan("--format", "pdf"));
        Assert.Equal(3, exitCode);
        Assert.Contains("Unknown report format 'pdf'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_BadOptionIsUsageError()
    {
        var (exitCode, _, stderr) = await VigilProcess.RunAsync(["scan", "image", "--no-such-flag"]);
        Assert.Equal(2, exitCode);
        Assert.Contains("--no-such-flag", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_SbomRoundTrip()
    {
        var sbom = Path.Combine(demo.Directory, "out", "demo.cdx.json");
        var first = await VigilProcess.RunAsync(Scan("--format", $"cyclonedx={sbom}"));
        Assert.True(first.ExitCode == 0, first.Stderr);

        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(["scan", "sbom", sbom, "--cache-dir", demo.CacheDir, "--format", "json"]);
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("CVE-2021-44906", stdout, StringComparison.Ordinal);
        Assert.Contains("CVE-2023-4911", stdout, StringComparison.Ordinal);
    }
}
