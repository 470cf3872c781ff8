using System.Text;
using System.Text.Json;
using NJsonSchema;
using Vigil.Core;
using Vigil.Reporting.Sbom;

namespace Vigil.Reporting.Tests.Sbom;

public sealed class SbomWriterTests
{
    private static readonly string Schemas = Path.Combine(AppContext.BaseDirectory, "Sbom", "testdata", "schemas");

    [Fact]
    public async Task CycloneDx_WithFindings_ValidatesAgainstTheSchema()
    {
        var inventory = SbomSamples.Inventory();
        var json = await CycloneDxAsync(inventory, SbomSamples.Findings(inventory));

        var schema = await JsonSchema.FromFileAsync(Path.Combine(Schemas, "bom-1.6.schema.json"));
        Assert.Empty(schema.Validate(json).Select(e => e.ToString()));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("1.6", root.GetProperty("specVersion").GetString());
        Assert.Equal(inventory.Packages.Count + 1, root.GetProperty("components").GetArrayLength());
        var vulnerabilities = root.GetProperty("vulnerabilities").EnumerateArray().ToList();
        Assert.Equal(["CVE-2020-8203", "CVE-2023-4911", "DSA-0000-1"], vulnerabilities.Select(v => v.GetProperty("id").GetString()));
        var lodash = vulnerabilities[0];
        Assert.Equal("pkg:npm/lodash@4.17.15", lodash.GetProperty("affects")[0].GetProperty("ref").GetString());
        Assert.Equal("CVSSv31", lodash.GetProperty("ratings")[0].GetProperty("method").GetString());
        Assert.Equal("high", lodash.GetProperty("ratings")[0].GetProperty("severity").GetString());
    }

    [Fact]
    public async Task CycloneDx_PlainSbom_Validates_AndPackagesFoundTwiceGetUniqueRefs()
    {
        var json = await CycloneDxAsync(SbomSamples.Inventory(), null);

        var schema = await JsonSchema.FromFileAsync(Path.Combine(Schemas, "bom-1.6.schema.json"));
        Assert.Empty(schema.Validate(json));
        using var document = JsonDocument.Parse(json);
        Assert.False(document.RootElement.TryGetProperty("vulnerabilities", out _));
        var refs = document.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("bom-ref").GetString()).ToList();
        Assert.Equal(refs.Count, refs.Distinct().Count());
        Assert.Contains("pkg:npm/lodash@4.17.15#1", refs);
    }

    [Fact]
    public async Task Spdx_ValidatesAgainstTheSchema()
    {
        var json = await SpdxAsync(SbomSamples.Inventory());

        var schema = await JsonSchema.FromFileAsync(Path.Combine(Schemas, "spdx-2.3.schema.json"));
        Assert.Empty(schema.Validate(json).Select(e => e.ToString()));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(SbomSamples.Inventory().Packages.Count + 2, document.RootElement.GetProperty("packages").GetArrayLength());
    }

    [Fact]
    public async Task Output_IsDeterministic()
    {
        var inventory = SbomSamples.Inventory();

        Assert.Equal(await CycloneDxAsync(inventory, SbomSamples.Findings(inventory)), await CycloneDxAsync(inventory, SbomSamples.Findings(inventory)));
        Assert.Equal(await SpdxAsync(inventory), await SpdxAsync(inventory));
    }

    [Fact]
    public async Task EmptyInventory_IsStillValid()
    {
        var inventory = new Inventory(new ArtifactInfo("scratch", ArtifactKind.RootFileSystem), null, []);

        var cdx = await JsonSchema.FromFileAsync(Path.Combine(Schemas, "bom-1.6.schema.json"));
        var spdx = await JsonSchema.FromFileAsync(Path.Combine(Schemas, "spdx-2.3.schema.json"));
        Assert.Empty(cdx.Validate(await CycloneDxAsync(inventory, [])));
        Assert.Empty(spdx.Validate(await SpdxAsync(inventory)));
    }

    [Fact]
    public async Task ReportWriters_UseTheInventoryAndFindings()
    {
        var inventory = SbomSamples.Inventory();
        var report = new ScanReport { Inventory = inventory, Findings = SbomSamples.Findings(inventory), ToolVersion = "1.2.3" };
        using var cdx = new MemoryStream();
        using var spdx = new MemoryStream();

        await new CycloneDxReportWriter().WriteAsync(report, cdx, CancellationToken.None);
        await new SpdxReportWriter().WriteAsync(report, spdx, CancellationToken.None);

        using var cdxDocument = JsonDocument.Parse(cdx.ToArray());
        Assert.Equal(3, cdxDocument.RootElement.GetProperty("vulnerabilities").GetArrayLength());
        Assert.Equal("1.2.3", cdxDocument.RootElement.GetProperty("metadata").GetProperty("tools").GetProperty("components")[0].GetProperty("version").GetString());
        using var spdxDocument = JsonDocument.Parse(spdx.ToArray());
        Assert.Equal("Tool: vigil-1.2.3", spdxDocument.RootElement.GetProperty("creationInfo").GetProperty("creators")[0].GetString());
    }

    internal static async Task<string> CycloneDxAsync(Inventory inventory, IReadOnlyList<Finding>? findings)
    {
        using var output = new MemoryStream();
        await CycloneDxWriter.WriteAsync(output, inventory, findings, "0.0.0-test", CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    internal static async Task<string> SpdxAsync(Inventory inventory)
    {
        using var output = new MemoryStream();
        await SpdxWriter.WriteAsync(output, inventory, "0.0.0-test", CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
