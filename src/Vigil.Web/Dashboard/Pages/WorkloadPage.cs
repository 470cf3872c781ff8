using Vigil.Scanning.Results;

namespace Vigil.Web.Dashboard.Pages;

/// <summary>One workload: its labels, its containers and the images they run.</summary>
internal static class WorkloadPage
{
    public static string Render(WorkloadDetail detail, IReadOnlyList<TrendPoint> trend, DateTimeOffset now)
    {
        var key = detail.Workload.Key;
        return PageLayout.Render($"{key.Kind} {key.Name}", "Namespaces", null, w =>
        {
            w.Open("h1").Text(key.Kind + " ").Element("code", key.Name).Close("h1");
            w.Open("dl", ("class", "pairs inline"))
                .Element("dt", "Namespace").Open("dd").Link(DashboardRoutes.Namespace(key.Cluster, key.Namespace), key.Namespace).Close("dd")
                .Element("dt", "Cluster").Element("dd", key.Cluster)
                .Element("dt", "Last reported").Open("dd").Time(detail.UpdatedAt, now).Close("dd")
                .Element("dt", "Findings").Open("dd").Number(detail.Counts.Total).Text(" (").Number(detail.Counts.Fixable).Text(" fixable)").Close("dd")
                .Close("dl");
            if (detail.Workload.Labels.Count > 0)
            {
                w.Open("ul", ("class", "labels"), ("aria-label", "Labels"));
                foreach (var (name, value) in detail.Workload.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
                {
                    w.Element("li", $"{name}={value}");
                }

                w.Close("ul");
            }

            w.Element("h2", "Containers and images");
            w.Open("div", ("class", "table-wrap")).Open("table").Element("caption", $"Containers of {key.Name}").Open("thead").Open("tr")
                .Element("th", "Container", ("scope", "col")).Element("th", "Image", ("scope", "col")).Element("th", "Scanned", ("scope", "col"))
                .CountHeaders().Close("tr").Close("thead").Open("tbody");
            foreach (var row in detail.Containers)
            {
                var c = row.Container;
                w.Open("tr").Open("th", ("scope", "row")).Text(c.Name);
                if (c.IsInit)
                {
                    w.Text(" ").Element("span", "init", ("class", "tag"));
                }

                w.Close("th").Open("td", ("class", "wrap-any image-cell")).Link(DashboardRoutes.Image(c.Digest), c.Image).Open("br").Element("code", Display.Short(c.Digest.ToString()), ("class", "digest"), ("title", c.Digest.ToString()));
                if (c.Platform is not null)
                {
                    w.Text(" ").Element("span", c.Platform.ToString(), ("class", "muted"));
                }

                w.Close("td").Open("td");
                if (row.Scan is null)
                {
                    w.Element("span", "waiting for scan", ("class", "muted"));
                }
                else
                {
                    w.Time(row.Scan.ScannedAt, now);
                }

                w.Close("td").CountCells(row.Counts).Close("tr");
            }

            w.Close("tbody").Close("table").Close("div");
            w.Open("section", ("aria-labelledby", "trend-heading")).Element("h2", "Trend (last 30 days)", ("id", "trend-heading"))
                .Chart(trend, $"Findings per severity in {key.Name} over time").Close("section");
        },
        ("Overview", DashboardRoutes.Overview),
        ("Namespaces", DashboardRoutes.Namespaces),
        (key.Namespace, DashboardRoutes.Namespace(key.Cluster, key.Namespace)),
        (key.Name, null));
    }
}
