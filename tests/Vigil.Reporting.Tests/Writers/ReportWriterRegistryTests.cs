using Vigil.Reporting.Writers;
using Vigil.Reporting.Writers.Json;

namespace Vigil.Reporting.Tests.Writers;

public class ReportWriterRegistryTests
{
    [Fact]
    public void The_default_registry_has_the_built_in_formats()
    {
        var registry = ReportWriterRegistry.CreateDefault();

        Assert.Equal(["table", "json", "sarif", "markdown", "junit", "cyclonedx", "spdx-json"], registry.Formats);
        Assert.True(registry.TryGet("SARIF", out var sarif));
        Assert.Equal(".sarif", sarif.FileExtension);
    }

    [Fact]
    public void Duplicates_and_unknown_formats_are_errors()
    {
        var registry = ReportWriterRegistry.CreateDefault();

        Assert.Throws<ArgumentException>(() => registry.Add(new JsonReportWriter()));
        var error = Assert.Throws<KeyNotFoundException>(() => registry.Get("pdf"));
        Assert.Contains("table, json, sarif, markdown, junit, cyclonedx, spdx-json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_format_writes_every_fixture_report()
    {
        var registry = ReportWriterRegistry.CreateDefault();
        foreach (var format in registry.Formats)
        {
            foreach (var report in new[] { ReportFixtures.Report(), ReportFixtures.ReportWithSuppressions(), ReportFixtures.EmptyReport() })
            {
                Assert.NotEmpty(await WriterOutput.RenderAsync(registry.Get(format), report));
            }
        }
    }

    [Theory]
    [InlineData("table", "table", null)]
    [InlineData("SARIF=report.sarif", "sarif", "report.sarif")]
    [InlineData("json = out/scan report.json", "json", "out/scan report.json")]
    [InlineData("cyclonedx=bom.json", "cyclonedx", "bom.json")]
    [InlineData("junit=a=b.xml", "junit", "a=b.xml")]
    public void Targets_parse_format_and_optional_path(string text, string format, string? path)
    {
        Assert.Equal(new ReportTarget(format, path), ReportTarget.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("=report.sarif")]
    [InlineData("sarif=")]
    [InlineData("sa rif")]
    [InlineData(null)]
    public void Bad_targets_are_rejected_with_a_reason(string? text)
    {
        Assert.False(ReportTarget.TryParse(text, out _, out var error));
        Assert.NotNull(error);
    }
}
