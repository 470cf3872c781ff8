using Vigil.Web.Html;

namespace Vigil.Web.Dashboard;

/// <summary>The frame every page shares: skip link, header with navigation and search, main landmark, footer.</summary>
internal static class PageLayout
{
    public static string Render(string title, string activeNav, string? searchQuery, Action<HtmlWriter> body, params ReadOnlySpan<(string Text, string? Href)> breadcrumbs)
    {
        var w = new HtmlWriter();
        w.Raw("<!DOCTYPE html>").Open("html", ("lang", "en")).Open("head")
            .Raw("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Element("title", $"{title} · Vigil")
            .Open("link", ("rel", "stylesheet"), ("href", DashboardRoutes.Stylesheet))
            .Close("head")
            .Open("body")
            .Link("#main", "Skip to content", "skip-link")
            .Open("header", ("class", "site-header"))
            .Open("div", ("class", "header-inner"))
            .Open("a", ("href", DashboardRoutes.Overview), ("class", "brand")).Raw("<span aria-hidden=\"true\" class=\"brand-mark\">◆</span> Vigil").Close("a")
            .Open("nav", ("aria-label", "Main")).Open("ul");
        NavItem(w, "Overview", DashboardRoutes.Overview, activeNav);
        NavItem(w, "Namespaces", DashboardRoutes.Namespaces, activeNav);
        NavItem(w, "Search", DashboardRoutes.Search, activeNav);
        NavItem(w, "Suppressions", DashboardRoutes.Suppressions, activeNav);
        w.Close("ul").Close("nav");

        w.Open("form", ("role", "search"), ("action", DashboardRoutes.Search), ("method", "get"), ("class", "header-search"))
            .Element("label", "Search vulnerabilities, packages or images", ("for", "header-q"), ("class", "visually-hidden"))
            .Open("input", ("type", "search"), ("id", "header-q"), ("name", "q"), ("value", searchQuery), ("placeholder", "CVE, GHSA, package or image"), ("autocomplete", "off"))
            .Element("button", "Search", ("type", "submit"))
            .Close("form")
            .Close("div").Close("header");

        w.Open("main", ("id", "main"), ("tabindex", "-1"));
        if (breadcrumbs.Length > 0)
        {
            w.Open("nav", ("aria-label", "Breadcrumb"), ("class", "breadcrumbs")).Open("ol");
            foreach (var (text, href) in breadcrumbs)
            {
                w.Open("li");
                if (href is null)
                {
                    w.Element("span", text, ("aria-current", "page"));
                }
                else
                {
                    w.Link(href, text);
                }

                w.Close("li");
            }

            w.Close("ol").Close("nav");
        }

        body(w);
        w.Close("main")
            .Open("footer", ("class", "site-footer"))
            .Raw("Vigil: which known vulnerabilities run in your cluster, where, and what to do about them. Read-only view; data as of the last scan of each image.")
            .Close("footer")
            .Close("body").Close("html");
        return w.ToString();
    }

    private static void NavItem(HtmlWriter w, string text, string href, string active) =>
        w.Open("li").Open("a", ("href", href), ("aria-current", text == active ? "page" : null)).Text(text).Close("a").Close("li");
}
