namespace Vigil.Web.Dashboard.Pages;

/// <summary>The page for a request the dashboard cannot answer as asked (a bad parameter).</summary>
internal static class BadRequestPage
{
    public static string Render(string problem) =>
        PageLayout.Render("Bad request", string.Empty, null, w =>
        {
            w.Element("h1", "Bad request");
            w.Element("p", problem);
            w.Open("p").Link(DashboardRoutes.Overview, "Back to the overview").Close("p");
        });
}
