using Vigil.Scanning.Results;

namespace Vigil.Web.Dashboard.Pages;

/// <summary>Every namespace with workloads, worst first.</summary>
internal static class NamespacesPage
{
    public static string Render(IReadOnlyList<NamespaceSummary> namespaces) =>
        PageLayout.Render("Namespaces", "Namespaces", null, w =>
        {
            w.Element("h1", "Namespaces");
            if (namespaces.Count == 0)
            {
                w.Empty("No workloads have been reported yet.");
                return;
            }

            var multiCluster = namespaces.Select(n => n.Cluster).Distinct(StringComparer.Ordinal).Count() > 1;
            w.Open("div", ("class", "table-wrap")).Open("table").Element("caption", "Namespaces, worst first").Open("thead").Open("tr")
                .Element("th", "Namespace", ("scope", "col"));
            if (multiCluster)
            {
                w.Element("th", "Cluster", ("scope", "col"));
            }

            w.Element("th", "Workloads", ("scope", "col"), ("class", "num")).Element("th", "Affected", ("scope", "col"), ("class", "num"))
                .CountHeaders().Close("tr").Close("thead").Open("tbody");
            foreach (var ns in namespaces)
            {
                w.Open("tr").Open("th", ("scope", "row")).Link(DashboardRoutes.Namespace(ns.Cluster, ns.Namespace), ns.Namespace).Close("th");
                if (multiCluster)
                {
                    w.Element("td", ns.Cluster);
                }

                w.Open("td", ("class", "num")).Number(ns.Workloads).Close("td").Open("td", ("class", "num")).Number(ns.AffectedWorkloads).Close("td")
                    .CountCells(ns.Counts).Close("tr");
            }

            w.Close("tbody").Close("table").Close("div");
        },
        ("Overview", DashboardRoutes.Overview),
        ("Namespaces", null));
}
