using System.Globalization;
using System.Text;
using System.Xml;
using Vigil.Core;

namespace Vigil.Reporting.Writers.JUnit;

/// <summary>
/// JUnit XML for CI test views: one test suite per target, one failing test case per finding, suppressed findings as
/// skipped cases with their reason, and one passing case when no finding remains. Suite and root counts add up.
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    /// <inheritdoc/>
    public string Format => "junit";

    /// <inheritdoc/>
    public string FileExtension => ".xml";

    /// <inheritdoc/>
    public async ValueTask WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false };
        var xml = XmlWriter.Create(output, settings);
        await using (xml.ConfigureAwait(false))
        {
            var suites = Suites(report);
            await xml.WriteStartDocumentAsync().ConfigureAwait(false);
            await xml.WriteStartElementAsync(null, "testsuites", null).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "name", null, $"vigil {ReportText.Clean(report.Artifact.Name)}").ConfigureAwait(false);
            await Counts(xml, suites.SelectMany(s => s.Cases).ToList()).ConfigureAwait(false);
            foreach (var suite in suites)
            {
                await Suite(xml, report, suite).ConfigureAwait(false);
            }

            await xml.WriteEndElementAsync().ConfigureAwait(false);
            await xml.WriteEndDocumentAsync().ConfigureAwait(false);
            await xml.FlushAsync().ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record Case(Finding? Finding, Suppression? Suppression, string Name);

    private sealed record SuiteCases(string Name, IReadOnlyList<Case> Cases);

    private static List<SuiteCases> Suites(ScanReport report)
    {
        var suppressed = report.Suppressed.ToDictionary<SuppressedFinding, Finding, Suppression>(s => s.Finding, s => s.Suppression, ReferenceEqualityComparer.Instance);
        var all = report.Findings.Concat(report.Suppressed.Select(s => s.Finding));
        var suites = ReportText.Groups(report, all)
            .Select(g => new SuiteCases(g.Title, [.. g.Findings.Select(f => new Case(f, suppressed.GetValueOrDefault(f), CaseName(f)))]))
            .ToList();
        if (report.Findings.Count == 0)
        {
            // CI views show "0 tests" as a broken step; one passing case says the scan ran and found nothing.
            suites.Insert(0, new SuiteCases("vigil", [new Case(null, null, $"no vulnerabilities in {ReportText.Clean(report.Artifact.Name)}")]));
        }

        return suites;
    }

    private static string CaseName(Finding f) => $"[{f.Severity.ToLabel()}] {ReportText.Clean(f.Id)} in {ReportText.Clean(f.Package.Name)} {ReportText.Clean(f.InstalledVersion)}";

    private static async Task Counts(XmlWriter xml, List<Case> cases)
    {
        await Attribute(xml, "tests", cases.Count).ConfigureAwait(false);
        await Attribute(xml, "failures", cases.Count(c => c.Finding is not null && c.Suppression is null)).ConfigureAwait(false);
        await Attribute(xml, "errors", 0).ConfigureAwait(false);
        await Attribute(xml, "skipped", cases.Count(c => c.Suppression is not null)).ConfigureAwait(false);
    }

    private static async Task Suite(XmlWriter xml, ScanReport report, SuiteCases suite)
    {
        await xml.WriteStartElementAsync(null, "testsuite", null).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "name", null, suite.Name).ConfigureAwait(false);
        await Counts(xml, [.. suite.Cases]).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "time", null, "0").ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "timestamp", null, report.ScannedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)).ConfigureAwait(false);
        foreach (var c in suite.Cases)
        {
            await xml.WriteStartElementAsync(null, "testcase", null).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "classname", null, c.Finding is null ? "vigil" : ReportText.Clean(c.Finding.Package.Purl)).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "name", null, c.Name).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "time", null, "0").ConfigureAwait(false);
            if (c is { Finding: { } finding, Suppression: { } suppression })
            {
                await xml.WriteStartElementAsync(null, "skipped", null).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "message", null, ReportText.Clean($"{ReportText.KindName(suppression.Kind)}: {suppression.Reason}")).ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);
            }
            else if (c.Finding is { } failed)
            {
                await xml.WriteStartElementAsync(null, "failure", null).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "message", null, ReportText.Truncate(ReportText.Title(failed), 200)).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "type", null, failed.Severity.ToLabel()).ConfigureAwait(false);
                await xml.WriteStringAsync(Details(failed)).ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);
            }

            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }

        await xml.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static string Details(Finding f) => ReportText.Clean(
        $"Vulnerability: {f.Id} ({string.Join(", ", f.Aliases)})") + "\n" + string.Join('\n',
        $"Severity: {f.Severity.ToLabel()}",
        $"Package: {ReportText.Clean(f.Package.Purl)}",
        $"Installed: {ReportText.Clean(f.InstalledVersion)}",
        $"Fixed: {ReportText.Clean(f.FixedVersion ?? "no fix published")}",
        $"Path: {ReportText.Clean(f.Package.FilePath ?? "")}",
        $"Link: {ReportText.Link(f)}");

    private static Task Attribute(XmlWriter xml, string name, int value) =>
        xml.WriteAttributeStringAsync(null, name, null, value.ToString(CultureInfo.InvariantCulture));
}
