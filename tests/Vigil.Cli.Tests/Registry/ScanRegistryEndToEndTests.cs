using System.Text.Json;
using System.Xml.Linq;
using NJsonSchema;

namespace Vigil.Cli.Tests.Registry;

/// <summary><c>vigil scan image REF</c> against the real local registry: every report format, validated, and the exit codes.</summary>
[Collection(RegistryScanCollection.Name)]
public sealed class ScanRegistryEndToEndTests(RegistryScanFixture fixture)
{
    private static readonly string Schemas = Path.Combine(AppContext.BaseDirectory, "Schemas");

    private string[] Scan(string reference, params string[] extra) => ["scan", "image", reference, "--cache-dir", fixture.CacheDir, .. extra];

    [Fact]
    public async Task Scan_WritesEveryFormatInOneRun_AndEachIsValid()
    {
        var output = Directory.CreateTempSubdirectory("vigil-formats-").FullName;
        string Out(string name) => Path.Combine(output, name);
        try
        {
            var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Scan(
                fixture.VulnerableReference,
                "--format", "table", "--format", $"json={Out("report.json")}", "--format", $"sarif={Out("report.sarif")}",
                "--format", $"cyclonedx={Out("bom.cdx.json")}", "--format", $"spdx={Out("bom.spdx.json")}",
                "--format", $"markdown={Out("report.md")}", "--format", $"junit={Out("report.xml")}"));
            Assert.True(exitCode == 0, stderr);

            // json: Vigil's own schema; the two vulnerable npm packages are found, by the registry reference.
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Out("report.json")));
            var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
            // The CVE alias is the primary id; the GHSA ids of the records stay as aliases.
            Assert.Equal(["CVE-2020-8203", "CVE-2021-44906"], findings.Select(f => f.GetProperty("id").GetString()).Order());
            Assert.Contains(findings, f => f.GetProperty("aliases").EnumerateArray().Any(a => a.GetString() == "GHSA-p6mc-m468-83gw"));
            Assert.Equal(fixture.VulnerableReference, json.RootElement.GetProperty("artifact").GetProperty("name").GetString());
            Assert.Equal("1.2.6", findings.Single(f => f.GetProperty("package").GetProperty("name").GetString() == "minimist").GetProperty("fixedVersion").GetString());

            // table on stdout: both ids and the fixed versions.
            Assert.Contains("CVE-2020-8203", stdout, StringComparison.Ordinal);
            Assert.Contains("4.17.19", stdout, StringComparison.Ordinal);

            // SARIF 2.1.0 and CycloneDX 1.6 against their published JSON schemas; SPDX 2.3 too.
            await AssertValidAsync("sarif-schema-2.1.0.json", Out("report.sarif"));
            await AssertValidAsync("bom-1.6.schema.json", Out("bom.cdx.json"));
            await AssertValidAsync("spdx-2.3.schema.json", Out("bom.spdx.json"));
            using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(Out("report.sarif")));
            Assert.Equal(2, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
            using var cdx = JsonDocument.Parse(await File.ReadAllTextAsync(Out("bom.cdx.json")));
            Assert.Equal("1.6", cdx.RootElement.GetProperty("specVersion").GetString());
            Assert.Equal(["CVE-2020-8203", "CVE-2021-44906"], cdx.RootElement.GetProperty("vulnerabilities").EnumerateArray().Select(v => v.GetProperty("id").GetString()).Order());

            // JUnit: one failing test case per finding.
            var junit = XDocument.Load(Out("report.xml"));
            var cases = junit.Descendants("testcase").ToList();
            Assert.Equal(2, cases.Count);
            Assert.All(cases, c => Assert.Single(c.Elements("failure")));
            Assert.Equal("2", junit.Root!.Attribute("failures")!.Value);

            var markdown = await File.ReadAllTextAsync(Out("report.md"));
            Assert.Contains("CVE-2021-44906", markdown, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Scan_SameDigestUnderAnotherName_ReportsTheNameGiven()
    {
        // The second scan takes the inventory from the SBOM cache (same digest): the report must still name what was asked.
        var other = await fixture.Vulnerable.PushAsync(fixture.Registry, "mirror/app:copy");
        var first = await VigilProcess.RunAsync(Scan(other, "--format", "json"));
        var second = await VigilProcess.RunAsync(Scan(fixture.VulnerableReference, "--format", "json"));

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Stderr + second.Stderr);
        using var firstJson = JsonDocument.Parse(first.Stdout);
        using var secondJson = JsonDocument.Parse(second.Stdout);
        Assert.Equal(other, firstJson.RootElement.GetProperty("artifact").GetProperty("name").GetString());
        Assert.Equal(fixture.VulnerableReference, secondJson.RootElement.GetProperty("artifact").GetProperty("name").GetString());
        Assert.Equal(
            firstJson.RootElement.GetProperty("artifact").GetProperty("manifestDigest").GetString(),
            secondJson.RootElement.GetProperty("artifact").GetProperty("manifestDigest").GetString());
    }

    [Fact]
    public async Task Scan_VulnerableImage_ExitCodeOneFailsTheGate()
    {
        var (exitCode, _, stderr) = await VigilProcess.RunAsync(Scan(fixture.VulnerableReference, "--format", "json", "--exit-code", "1"));
        Assert.True(exitCode == 1, stderr);
    }

    [Fact]
    public async Task Scan_CleanImage_PassesTheGate()
    {
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Scan(fixture.CleanReference, "--format", "json", "--exit-code", "1"));
        Assert.True(exitCode == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Contains(json.RootElement.GetProperty("packages").EnumerateArray(), p => p.GetProperty("name").GetString() == "lodash");
    }

    [Fact]
    public async Task Scan_UnknownImage_IsOneClearErrorLine()
    {
        var missing = $"{fixture.Registry.Address}/team/app:no-such-tag";
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Scan(missing, "--exit-code", "1"));
        Assert.Equal(3, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("no-such-tag", stderr, StringComparison.Ordinal);
        Assert.Contains("Not found", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Scan_UnreachableRegistry_IsOneClearErrorLine()
    {
        var port = FreePort();
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Scan($"127.0.0.1:{port}/team/app:1", "--exit-code", "1"));
        Assert.Equal(3, exitCode);
        Assert.Empty(stdout);
        Assert.Contains($"127.0.0.1:{port} cannot be reached", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task RegistryActions_WithInput_AreAUsageError()
    {
        var (exitCode, _, stderr) = await VigilProcess.RunAsync(["scan", "image", "--input", fixture.Vulnerable.LayoutReference, "--cache-dir", fixture.CacheDir, "--delete-on-fail"]);
        Assert.Equal(2, exitCode);
        Assert.Contains("--delete-on-fail applies only to images in a registry", stderr, StringComparison.Ordinal);
    }

    private static async Task AssertValidAsync(string schemaFile, string documentPath)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Schemas, schemaFile));
        var errors = schema.Validate(await File.ReadAllTextAsync(documentPath));
        Assert.True(errors.Count == 0, $"{Path.GetFileName(documentPath)} is not valid against {schemaFile}: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
