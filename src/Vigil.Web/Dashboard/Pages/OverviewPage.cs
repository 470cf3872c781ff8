using Vigil.Scanning.Results;
using Vigil.Web.Html;

namespace Vigil.Web.Dashboard.Pages;

/// <summary>The first page: counts per severity, fixable vs unfixable, the trend, the worst workloads, database age.</summary>
internal static class OverviewPage
{
    public static string Render(ResultOverview overview, IReadOnlyList<WorkloadSummary> worst, IReadOnlyList<TrendPoint> trend, DateTimeOffset now, TimeSpan staleAfter) =>
        PageLayout.Render("Overview", "Overview", null, w =>
        {
            w.Element("h1", "Vulnerabilities running in your clusters");
            w.Open("p", ("class", "lead"))
                .Number(overview.Counts.Total).Text(" findings across ").Number(overview.AffectedWorkloads).Text(" of ").Number(overview.Workloads)
                .Text(" workloads in ").Number(overview.Namespaces).Text(overview.Namespaces == 1 ? " namespace" : " namespaces")
                .Text(overview.Clusters > 1 ? $" and {overview.Clusters} clusters" : string.Empty).Text("; ")
                .Number(overview.DistinctVulnerabilities).Text(" distinct vulnerabilities.").Close("p");

            w.Open("section", ("aria-labelledby", "sev-heading")).Element("h2", "Findings by severity", ("id", "sev-heading"), ("class", "visually-hidden"))
                .Open("ul", ("class", "cards"));
            foreach (var severity in Components.Severities)
            {
                w.Open("li", ("class", "card card-" + Components.Css(severity)))
                    .Element("span", Components.Title(severity), ("class", "card-label"))
                    .Open("span", ("class", "card-value")).Number(overview.Counts[severity]).Close("span").Close("li");
            }

            w.Close("ul").Close("section");

            w.Open("div", ("class", "grid-2"));
            FixableSection(w, overview.Counts);
            DatabaseSection(w, overview, now, staleAfter);
            w.Close("div");

            w.Open("section", ("aria-labelledby", "trend-heading")).Element("h2", "Trend (last 30 days)", ("id", "trend-heading"))
                .Chart(trend, "Findings per severity over time").Close("section");

            w.Open("section", ("aria-labelledby", "worst-heading")).Element("h2", "Worst workloads", ("id", "worst-heading"));
            if (worst.Count == 0)
            {
                w.Empty("No workload has findings.");
            }
            else
            {
                w.WorkloadTable("The 10 workloads with the most critical, then high findings", worst, showNamespace: true);
            }

            w.Close("section");
        });

    private static void FixableSection(HtmlWriter w, SeverityCounts counts)
    {
        var total = Math.Max(1, counts.Total);
        var fixablePercent = (int)Math.Round(100.0 * counts.Fixable / total);
        w.Open("section", ("aria-labelledby", "fix-heading"), ("class", "panel")).Element("h2", "Fixable or not", ("id", "fix-heading"))
            .Open("svg", ("class", "bar"), ("viewBox", "0 0 100 8"), ("preserveAspectRatio", "none"), ("role", "img"), ("aria-label", $"{fixablePercent}% of findings have a fixed version"))
            .Open("rect", ("class", "bar-rest"), ("width", "100"), ("height", "8")).Close("rect")
            .Open("rect", ("class", "bar-fixable"), ("width", fixablePercent.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("height", "8")).Close("rect")
            .Close("svg")
            .Open("dl", ("class", "pairs"))
            .Element("dt", "Fixable (a fixed version exists)").Open("dd").Number(counts.Fixable).Text($" ({fixablePercent}%)").Close("dd")
            .Element("dt", "Unfixable (no fix published)").Open("dd").Number(counts.Unfixable).Close("dd")
            .Close("dl").Close("section");
    }

    private static void DatabaseSection(HtmlWriter w, ResultOverview overview, DateTimeOffset now, TimeSpan staleAfter)
    {
        w.Open("section", ("aria-labelledby", "db-heading"), ("class", "panel")).Element("h2", "Data freshness", ("id", "db-heading")).Open("dl", ("class", "pairs"));
        w.Element("dt", "Vulnerability database").Open("dd").Text(overview.DatabaseVersion ?? "none yet");
        if (overview.DatabaseBuiltAt is { } built)
        {
            w.Text(", built ").Time(built, now);
            if (now - built > staleAfter)
            {
                w.Text(" ").Element("strong", "(stale: update the database)", ("class", "warn"));
            }
        }

        w.Close("dd");
        w.Element("dt", "Images scanned").Open("dd").Number(overview.ScannedImages).Text(" of ").Number(overview.Images);
        if (overview.PendingImages > 0)
        {
            w.Text(" (").Number(overview.PendingImages).Text(" waiting)");
        }

        w.Close("dd");
        if (overview.OldestScanAt is { } oldest)
        {
            w.Element("dt", "Oldest scan").Open("dd").Time(oldest, now).Close("dd");
        }

        w.Close("dl").Close("section");
    }
}
