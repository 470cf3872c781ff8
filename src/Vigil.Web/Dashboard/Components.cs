using System.Globalization;
using Vigil.Core;
using Vigil.Scanning.Results;
using Vigil.Web.Html;

namespace Vigil.Web.Dashboard;

/// <summary>Pieces several pages share: severity badges, count columns, workload tables.</summary>
internal static class Components
{
    public static readonly Severity[] Severities = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Unknown];

    public static string Css(Severity severity) => severity.ToLabel().ToLowerInvariant();

    public static HtmlWriter Badge(this HtmlWriter w, Severity severity) =>
        w.Element("span", severity.ToLabel(), ("class", "badge sev-" + Css(severity)));

    /// <summary>Header cells for the five severities and the fixable column.</summary>
    public static HtmlWriter CountHeaders(this HtmlWriter w)
    {
        foreach (var severity in Severities)
        {
            w.Open("th", ("scope", "col"), ("class", "num")).Open("abbr", ("title", severity.ToLabel().ToLowerInvariant()))
                .Text(severity == Severity.Unknown ? "Unk." : Title(severity)).Close("abbr").Close("th");
        }

        return w.Element("th", "Fixable", ("scope", "col"), ("class", "num"));
    }

    /// <summary>Cells for the five severities and the fixable count; zeroes are dimmed.</summary>
    public static HtmlWriter CountCells(this HtmlWriter w, SeverityCounts counts)
    {
        foreach (var severity in Severities)
        {
            var value = counts[severity];
            w.Open("td", ("class", value == 0 ? "num zero" : "num count-" + Css(severity))).Number(value).Close("td");
        }

        return w.Open("td", ("class", "num")).Number(counts.Fixable).Close("td");
    }

    public static string Title(Severity severity)
    {
        var label = severity.ToLabel();
        return label[0] + label[1..].ToLowerInvariant();
    }

    /// <summary>A table of workloads with their counts; each workload links to its page.</summary>
    public static HtmlWriter WorkloadTable(this HtmlWriter w, string caption, IReadOnlyList<WorkloadSummary> workloads, bool showNamespace)
    {
        w.Open("div", ("class", "table-wrap")).Open("table").Element("caption", caption).Open("thead").Open("tr")
            .Element("th", "Workload", ("scope", "col"));
        if (showNamespace)
        {
            w.Element("th", "Namespace", ("scope", "col"));
        }

        w.Element("th", "Kind", ("scope", "col")).CountHeaders().Element("th", "Images", ("scope", "col"), ("class", "num")).Close("tr").Close("thead").Open("tbody");
        foreach (var workload in workloads)
        {
            w.Open("tr").Open("th", ("scope", "row")).Link(DashboardRoutes.Workload(workload.Key), workload.Key.Name).Close("th");
            if (showNamespace)
            {
                w.Open("td").Link(DashboardRoutes.Namespace(workload.Key.Cluster, workload.Key.Namespace), workload.Key.Namespace).Close("td");
            }

            w.Element("td", workload.Key.Kind).CountCells(workload.Counts)
                .Open("td", ("class", "num")).Text(ImagesText(workload.Images, workload.ScannedImages)).Close("td").Close("tr");
        }

        return w.Close("tbody").Close("table").Close("div");
    }

    public static string ImagesText(int images, int scanned) =>
        scanned == images ? images.ToString(CultureInfo.InvariantCulture) : $"{scanned}/{images} scanned";

    /// <summary>A time element with the exact time in its attribute and title, the age as text.</summary>
    public static HtmlWriter Time(this HtmlWriter w, DateTimeOffset when, DateTimeOffset now) =>
        w.Element("time", Display.Age(when, now), ("datetime", Display.Iso(when)), ("title", Display.DateTime(when)));

    /// <summary>A short notice for empty lists.</summary>
    public static HtmlWriter Empty(this HtmlWriter w, string text) => w.Element("p", text, ("class", "empty"));
}
