using Vigil.Scanning.Results;
using Vigil.Web.Html;

namespace Vigil.Web.Dashboard.Pages;

/// <summary>Search by vulnerability id, package name or image; shows every running workload affected.</summary>
internal static class SearchPage
{
    public static string Render(string? query, SearchKind? requestedKind, SearchResult? result, int pageSize) =>
        PageLayout.Render(result is null ? "Search" : Title(result, pageSize), "Search", query, w =>
        {
            w.Element("h1", "Where does it run?");
            Form(w, query, requestedKind);
            if (result is null)
            {
                w.Element("p", "Give a vulnerability id (CVE-2024-3094, GHSA-…), a package name (openssl) or an image (nginx, ghcr.io/acme/app, sha256:…).", ("class", "muted"));
                return;
            }

            w.Open("section", ("aria-labelledby", "results-heading")).Open("h2", ("id", "results-heading"))
                .Number(result.AffectedWorkloads).Text(result.AffectedWorkloads == 1 ? " workload" : " workloads").Text(" affected by ")
                .Text(KindText(result.Kind) + " ").Element("code", result.Query).Close("h2");
            if (result.TotalHits == 0)
            {
                w.Empty("Nothing running is affected.");
            }
            else if (result.Hits.Count == 0)
            {
                w.Open("p", ("class", "empty")).Text("No matches on this page; there are ").Number(result.TotalHits).Text(" in all. ")
                    .Link(DashboardRoutes.SearchFor(result.Query, requestedKind), "Go to the first page").Close("p");
            }
            else
            {
                w.Open("p", ("id", "results-range")).Text("Matches ").Number(result.Offset + 1).Text("–").Number(result.Offset + result.Hits.Count)
                    .Text(" of ").Number(result.TotalHits).Text(" (one per affected container and finding), worst first.").Close("p");
                Table(w, result);
                Pager(w, result, requestedKind, pageSize);
            }

            w.Close("section");
        });

    private static string Title(SearchResult result, int pageSize)
    {
        var page = (result.Offset / pageSize) + 1;
        return page == 1 ? $"Search: {result.Query}" : $"Search: {result.Query} (page {page})";
    }

    /// <summary>Previous and next links; only when the hits do not fit on one page.</summary>
    private static void Pager(HtmlWriter w, SearchResult result, SearchKind? kind, int pageSize)
    {
        if (result.Offset == 0 && !result.HasMore)
        {
            return;
        }

        var page = (result.Offset / pageSize) + 1;
        var pages = (int)Math.Ceiling(result.TotalHits / (double)pageSize);
        w.Open("nav", ("aria-label", "Result pages"), ("class", "pager"));
        if (page > 1)
        {
            w.Open("a", ("href", DashboardRoutes.SearchFor(result.Query, kind, page - 1)), ("rel", "prev")).Text("← Previous").Close("a");
        }

        w.Open("span", ("aria-current", "page")).Text("Page ").Number(page).Text(" of ").Number(pages).Close("span");
        if (result.HasMore)
        {
            w.Open("a", ("href", DashboardRoutes.SearchFor(result.Query, kind, page + 1)), ("rel", "next")).Text("Next →").Close("a");
        }

        w.Close("nav");
    }

    private static void Form(HtmlWriter w, string? query, SearchKind? kind)
    {
        w.Open("form", ("method", "get"), ("action", DashboardRoutes.Search), ("class", "search-form"), ("role", "search"), ("aria-label", "Search the estate"))
            .Element("label", "Vulnerability, package or image", ("for", "q"))
            .Open("input", ("type", "search"), ("id", "q"), ("name", "q"), ("value", query), ("required", string.Empty))
            .Element("label", "Search as", ("for", "kind"))
            .Open("select", ("id", "kind"), ("name", "kind"));
        Option(w, string.Empty, "Guess from the text", kind is null);
        Option(w, "vulnerability", "Vulnerability id", kind == SearchKind.Vulnerability);
        Option(w, "package", "Package name", kind == SearchKind.Package);
        Option(w, "image", "Image", kind == SearchKind.Image);
        w.Close("select").Element("button", "Search", ("type", "submit")).Close("form");
    }

    private static void Option(HtmlWriter w, string value, string text, bool selected) =>
        w.Open("option", ("value", value), ("selected", selected ? string.Empty : null)).Text(text).Close("option");

    private static string KindText(SearchKind kind) => kind switch
    {
        SearchKind.Package => "package",
        SearchKind.Image => "image",
        _ => "vulnerability",
    };

    private static void Table(HtmlWriter w, SearchResult result)
    {
        var byImage = result.Kind == SearchKind.Image;
        w.Open("div", ("class", "table-wrap")).Open("table", ("id", "search-results")).Element("caption", "Affected running containers, worst first").Open("thead").Open("tr")
            .Element("th", "Workload", ("scope", "col")).Element("th", "Namespace", ("scope", "col")).Element("th", "Container", ("scope", "col")).Element("th", "Image", ("scope", "col"));
        if (byImage)
        {
            w.CountHeaders();
        }
        else
        {
            w.Element("th", "Vulnerability", ("scope", "col")).Element("th", "Severity", ("scope", "col")).Element("th", "Package", ("scope", "col"))
                .Element("th", "Installed", ("scope", "col")).Element("th", "Fixed in", ("scope", "col"));
        }

        w.Close("tr").Close("thead").Open("tbody");
        foreach (var hit in result.Hits)
        {
            w.Open("tr").Open("th", ("scope", "row")).Link(DashboardRoutes.Workload(hit.Workload), hit.Workload.Name)
                .Element("span", hit.Workload.Kind, ("class", "muted block")).Close("th")
                .Open("td").Link(DashboardRoutes.Namespace(hit.Workload.Cluster, hit.Workload.Namespace), hit.Workload.Namespace).Close("td")
                .Element("td", hit.Container)
                .Open("td", ("class", "wrap-any image-cell")).Link(DashboardRoutes.Image(hit.Digest), hit.Image).Close("td");
            if (byImage)
            {
                w.CountCells(hit.ImageCounts ?? SeverityCounts.Zero);
            }
            else if (hit.Finding is { } f)
            {
                w.Open("td", ("class", "nowrap")).Link(DashboardRoutes.SearchFor(f.Id), f.Id).Close("td")
                    .Open("td").Badge(f.Severity).Close("td")
                    .Element("td", f.PackageName, ("class", "wrap-any package-cell"))
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

                w.Close("td");
            }

            w.Close("tr");
        }

        w.Close("tbody").Close("table").Close("div");
    }
}
