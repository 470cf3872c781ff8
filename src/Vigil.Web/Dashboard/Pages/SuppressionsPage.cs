using Vigil.Scanning.Results;

namespace Vigil.Web.Dashboard.Pages;

/// <summary>Suppressions in force, soonest expiry first.</summary>
internal static class SuppressionsPage
{
    public static string Render(IReadOnlyList<Suppression> suppressions, bool includeExpired, DateTimeOffset now) =>
        PageLayout.Render("Suppressions", "Suppressions", null, w =>
        {
            w.Element("h1", includeExpired ? "All suppressions" : "Suppressions in force");
            w.Open("p").Link(includeExpired ? DashboardRoutes.Suppressions : DashboardRoutes.Suppressions + "?expired=1", includeExpired ? "Show only those in force" : "Include expired ones").Close("p");
            if (suppressions.Count == 0)
            {
                w.Empty("No suppressions.");
                return;
            }

            w.Open("div", ("class", "table-wrap")).Open("table").Element("caption", "Suppressions, soonest expiry first").Open("thead").Open("tr")
                .Element("th", "Vulnerability", ("scope", "col")).Element("th", "Scope", ("scope", "col")).Element("th", "Reason", ("scope", "col"))
                .Element("th", "Expires", ("scope", "col")).Element("th", "Source", ("scope", "col")).Close("tr").Close("thead").Open("tbody");
            foreach (var s in suppressions)
            {
                w.Open("tr").Open("th", ("scope", "row"));
                if (s.Id == "*")
                {
                    w.Text("every vulnerability");
                }
                else
                {
                    w.Link(DashboardRoutes.SearchFor(s.Id), s.Id);
                }

                w.Close("th").Open("td").Element("code", s.Scope).Close("td").Element("td", s.Reason).Open("td");
                if (s.ExpiresAt is not { } expires)
                {
                    w.Text("never");
                }
                else
                {
                    var days = (int)Math.Ceiling((expires - now).TotalDays);
                    var css = days <= 0 ? "warn" : days <= 7 ? "soon" : null;
                    w.Element("time", Display.Date(expires), ("datetime", Display.Iso(expires)))
                        .Element("span", days <= 0 ? " expired" : $" in {days} day{(days == 1 ? string.Empty : "s")}", ("class", css ?? "muted"));
                }

                w.Close("td").Element("td", s.Source ?? "—").Close("tr");
            }

            w.Close("tbody").Close("table").Close("div");
        },
        ("Overview", DashboardRoutes.Overview),
        ("Suppressions", null));
}
