using System.Globalization;
using Vigil.Core;
using Vigil.Scanning.Results;
using Vigil.Web.Html;

namespace Vigil.Web.Dashboard.Pages;

/// <summary>One image digest: where it runs and its findings with fixed versions and references.</summary>
internal static class ImagePage
{
    public static string Render(ImageDetail image, IReadOnlyList<StoredFinding> findings, FindingFilter filter, IReadOnlyList<Suppression> suppressions, DateTimeOffset now)
    {
        var name = image.Repositories.Count > 0 ? image.Repositories[0] : image.Digest.ToString();
        return PageLayout.Render($"Image {name}", "Namespaces", null, w =>
        {
            w.Open("h1").Text("Image ").Element("code", name).Close("h1");
            w.Open("dl", ("class", "pairs inline"))
                .Element("dt", "Digest").Open("dd").Element("code", image.Digest.ToString(), ("class", "digest")).Close("dd");
            if (image.Platform is not null)
            {
                w.Element("dt", "Platform").Element("dd", image.Platform.ToString());
            }

            if (image.Scan is { } scan)
            {
                if (scan.OperatingSystem is not null)
                {
                    w.Element("dt", "Operating system").Element("dd", scan.OperatingSystem);
                }

                w.Element("dt", "Scanned").Open("dd").Time(scan.ScannedAt, now).Text(" with database " + scan.DatabaseVersion).Close("dd");
            }
            else
            {
                w.Element("dt", "Scanned").Element("dd", "not yet");
            }

            w.Close("dl");

            w.Element("h2", "Where it runs");
            w.Open("ul", ("class", "usage"));
            foreach (var usage in image.UsedBy)
            {
                w.Open("li").Link(DashboardRoutes.Workload(usage.Workload), $"{usage.Workload.Namespace}/{usage.Workload.Name}")
                    .Element("span", $" {usage.Workload.Kind}, container {usage.Container}", ("class", "muted")).Close("li");
            }

            if (image.UsedBy.Count == 0)
            {
                w.Element("li", "No running workload uses this image now.", ("class", "muted"));
            }

            w.Close("ul");

            var shown = filter.Apply(findings).ToList();
            w.Element("h2", "Findings", ("id", "findings"));
            FilterForm(w, filter);
            w.Open("p", ("class", "muted")).Text("Showing ").Number(shown.Count).Text(" of ").Number(findings.Count).Text(" findings (")
                .Number(image.Counts.Fixable).Text(" fixable).").Close("p");
            if (shown.Count == 0)
            {
                w.Empty(image.Scan is null ? "Not scanned yet." : "No findings match.");
                return;
            }

            FindingsTable(w, shown, suppressions, now);
        },
        ("Overview", DashboardRoutes.Overview),
        ("Search", DashboardRoutes.Search),
        (name, null));
    }

    private static void FilterForm(HtmlWriter w, FindingFilter filter)
    {
        w.Open("form", ("method", "get"), ("class", "filters"), ("action", "#findings"))
            .Element("label", "Minimum severity", ("for", "severity"))
            .Open("select", ("id", "severity"), ("name", "severity"));
        foreach (var severity in Components.Severities.Reverse())
        {
            w.Open("option", ("value", severity.ToLabel()), ("selected", severity == filter.MinimumSeverity ? string.Empty : null))
                .Text(severity == Severity.Unknown ? "All" : Components.Title(severity) + " and worse").Close("option");
        }

        w.Close("select")
            .Open("span", ("class", "check"))
            .Open("input", ("type", "checkbox"), ("id", "fixable"), ("name", "fixable"), ("value", "1"), ("checked", filter.FixableOnly ? string.Empty : null))
            .Element("label", "Fixable only", ("for", "fixable"))
            .Close("span")
            .Element("button", "Apply", ("type", "submit"))
            .Close("form");
    }

    private static void FindingsTable(HtmlWriter w, List<StoredFinding> findings, IReadOnlyList<Suppression> suppressions, DateTimeOffset now)
    {
        var suppressed = suppressions.Where(s => s.IsInForce(now)).GroupBy(s => s.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        w.Open("div", ("class", "table-wrap")).Open("table", ("class", "findings")).Element("caption", "Findings, worst first").Open("thead").Open("tr")
            .Element("th", "Vulnerability", ("scope", "col")).Element("th", "Severity", ("scope", "col")).Element("th", "Package", ("scope", "col"))
            .Element("th", "Installed", ("scope", "col")).Element("th", "Fixed in", ("scope", "col")).Element("th", "Summary and references", ("scope", "col"))
            .Close("tr").Close("thead").Open("tbody");
        foreach (var f in findings)
        {
            w.Open("tr").Open("th", ("scope", "row")).Link(DashboardRoutes.SearchFor(f.Id), f.Id);
            var others = f.Aliases.Where(a => !string.Equals(a, f.Id, StringComparison.OrdinalIgnoreCase)).ToList();
            if (others.Count > 0)
            {
                w.Element("span", string.Join(", ", others), ("class", "aliases"));
            }

            var suppression = f.Aliases.Prepend(f.Id).Select(a => suppressed.GetValueOrDefault(a)).FirstOrDefault(s => s is not null);
            if (suppression is not null)
            {
                w.Element("span", "suppressed: " + suppression.Scope, ("class", "tag"), ("title", suppression.Reason));
            }

            w.Close("th").Open("td", ("class", "nowrap")).Badge(f.Severity);
            if (f.CvssScore is { } score)
            {
                w.Element("span", score.ToString("0.0", CultureInfo.InvariantCulture), ("class", "cvss"), ("title", f.CvssVector ?? "CVSS base score"));
            }

            w.Close("td").Open("td", ("class", "wrap-any package-cell")).Link(DashboardRoutes.SearchFor(f.PackageName, SearchKind.Package), f.PackageName)
                .Element("span", f.Ecosystem, ("class", "muted block")).Close("td")
                .Open("td").Element("code", f.PackageVersion).Close("td")
                .Open("td");
            if (f.FixedVersion is null)
            {
                w.Element("span", "no fix", ("class", "muted"));
            }
            else
            {
                w.Element("code", f.FixedVersion, ("class", "fixed"));
            }

            w.Close("td").Open("td", ("class", "summary"));
            if (f.Summary is not null)
            {
                w.Element("span", f.Summary, ("class", "block"));
            }

            References(w, f.References);
            w.Close("td").Close("tr");
        }

        w.Close("tbody").Close("table").Close("div");
    }

    private static void References(HtmlWriter w, IReadOnlyList<string> references)
    {
        var links = references.Where(SafeUrl.IsLinkable).Take(3).ToList();
        if (links.Count == 0)
        {
            return;
        }

        w.Open("ul", ("class", "refs"));
        foreach (var link in links)
        {
            w.Open("li").Link(link, new Uri(link).Host).Close("li");
        }

        w.Close("ul");
    }
}
