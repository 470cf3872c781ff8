namespace Vigil.Web.Dashboard.Pages;

/// <summary>The page for an unknown namespace, workload, image or address.</summary>
internal static class NotFoundPage
{
    public static string Render(string what) =>
        PageLayout.Render("Not found", string.Empty, null, w =>
        {
            w.Element("h1", "Not found");
            w.Element("p", what);
            w.Open("p").Link(DashboardRoutes.Overview, "Back to the overview").Close("p");
        });
}
