using Vigil.Scanning.Results;

namespace Vigil.Web.Dashboard.Pages;

/// <summary>The workloads of one namespace, worst first.</summary>
internal static class NamespacePage
{
    public static string Render(string cluster, string @namespace, IReadOnlyList<WorkloadSummary> workloads, IReadOnlyList<TrendPoint> trend) =>
        PageLayout.Render($"Namespace {@namespace}", "Namespaces", null, w =>
        {
            w.Open("h1").Text("Namespace ").Element("code", @namespace).Close("h1");
            w.Open("p", ("class", "lead")).Text($"Cluster {cluster}. ").Number(workloads.Count).Text(workloads.Count == 1 ? " workload." : " workloads.").Close("p");
            w.WorkloadTable($"Workloads in {@namespace}, worst first", workloads, showNamespace: false);
            w.Open("section", ("aria-labelledby", "trend-heading")).Element("h2", "Trend (last 30 days)", ("id", "trend-heading"))
                .Chart(trend, $"Findings per severity in {@namespace} over time").Close("section");
        },
        ("Overview", DashboardRoutes.Overview),
        ("Namespaces", DashboardRoutes.Namespaces),
        (@namespace, null));
}
