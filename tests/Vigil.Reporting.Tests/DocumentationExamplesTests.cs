using System.Text;
using System.Text.RegularExpressions;
using Spectre.Console.Testing;
using Vigil.Reporting.Filtering;
using Vigil.Reporting.Filtering.Vex;
using Vigil.Reporting.Tests.Writers;
using Vigil.Reporting.Writers;
using Vigil.Reporting.Writers.Table;
using Vigil.Testing;

namespace Vigil.Reporting.Tests;

/// <summary>
/// The examples in <c>docs/report-formats.md</c> are the writers' real output for <see cref="Report"/>. This test fails
/// when they drift; regenerate with <c>VIGIL_UPDATE_DOCS=1 dotnet test tests/Vigil.Reporting.Tests --filter DocumentationExamples</c>.
/// </summary>
public class DocumentationExamplesTests
{
    private static string DocPath => Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "report-formats.md");

    /// <summary>One finding left, one suppressed by VEX: every part of a report, kept short.</summary>
    private static ScanReport Report()
    {
        var clock = ReportFixtures.Clock();
        var findings = new[] { ReportFixtures.Findings[0], ReportFixtures.Findings[3] };
        var vex = new VexStatement("CVE-2021-23337", VexStatus.NotAffected)
        {
            Products = [new VexProduct(["pkg:npm/lodash"], [])],
            Justification = "vulnerable_code_not_in_execute_path",
            Source = "https://example.com/vex/app-1",
        };
        var filtered = new FindingFilter(clock).Apply(findings, ReportFixtures.Artifact, new FindingFilterOptions { VexStatements = [vex] });
        var inventory = ReportFixtures.Inventory with { Packages = [ReportFixtures.OpenSsl, ReportFixtures.Lodash] };
        return ScanReport.Create(inventory, filtered, clock, new DatabaseInfo("1", "sha256:5d41402abc4b2a76", ReportFixtures.Now.AddHours(-3)))
            with
        { ToolVersion = "1.0.0" };
    }

    private static async Task<string> RenderAsync(string format)
    {
        if (format == "table")
        {
            var console = new TestConsole().Width(120);
            new TableReportWriter().Render(Report(), console);
            return console.Output;
        }

        return await WriterOutput.RenderAsync(ReportWriterRegistry.CreateDefault().Get(format), Report());
    }

    [Fact]
    public async Task Docs_show_the_real_output_of_every_format()
    {
        var doc = (await File.ReadAllTextAsync(DocPath)).ReplaceLineEndings("\n");
        var updated = doc;
        // The SBOM formats are documented with their writers.
        foreach (var format in new[] { "table", "json", "sarif", "markdown", "junit" })
        {
            var output = (await RenderAsync(format)).ReplaceLineEndings("\n").TrimEnd('\n');
            var block = Block(format);
            var match = block.Match(updated);
            Assert.True(match.Success, $"docs/report-formats.md has no block <!-- example:{format} --> … <!-- /example -->");
            updated = block.Replace(updated, m => $"{m.Groups["open"].Value}{output}\n{m.Groups["close"].Value}", 1);
        }

        if (Environment.GetEnvironmentVariable("VIGIL_UPDATE_DOCS") == "1")
        {
            await File.WriteAllTextAsync(DocPath, updated, new UTF8Encoding(false));
            return;
        }

        Assert.Equal(doc, updated);
    }

    private static Regex Block(string format) => new(
        $@"(?<open><!-- example:{Regex.Escape(format)} -->\n(?<fence>`{{3,4}})[a-z]*\n)(?<body>.*?)(?<close>\k<fence>\n<!-- /example -->)",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    [Fact]
    public async Task Syntax_examples_in_the_docs_parse_without_warnings()
    {
        var doc = (await File.ReadAllTextAsync(DocPath)).ReplaceLineEndings("\n");
        var section = doc[doc.IndexOf("### `--ignore-file`", StringComparison.Ordinal)..doc.IndexOf("## The `json` schema", StringComparison.Ordinal)];
        string Fenced(string language) => Regex.Match(section, $"```{language}\n(?<body>.*?)```", RegexOptions.Singleline).Groups["body"].Value;

        var yaml = IgnoreFile.Parse(Fenced("yaml"), ".vigilignore");
        var lines = IgnoreFile.Parse(Fenced("text"), ".vigilignore");
        var vex = OpenVexDocument.Parse(Encoding.UTF8.GetBytes(Fenced("json")), "example.vex.json");

        Assert.Equal((4, 0), (yaml.Entries.Count, yaml.Warnings.Count));
        Assert.Equal((2, 0), (lines.Entries.Count, lines.Warnings.Count));
        Assert.Equal((2, 0), (vex.Statements.Count, vex.Warnings.Count));
    }
}
