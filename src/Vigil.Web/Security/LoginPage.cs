using Vigil.Web.Dashboard;

namespace Vigil.Web.Security;

/// <summary>The form that exchanges the access token for a session cookie, so a browser can use the dashboard.</summary>
internal static class LoginPage
{
    public static string Render(string returnUrl, bool tokenLogin, bool failed) =>
        PageLayout.Render("Sign in", string.Empty, null, w =>
        {
            w.Element("h1", "Sign in to Vigil");
            if (!tokenLogin)
            {
                w.Element("p", "This dashboard is reached through the organisation's sign-in proxy. Open it through the proxy's address.");
                return;
            }

            if (failed)
            {
                w.Element("p", "That token is not right.", ("class", "warn"), ("role", "alert"));
            }

            w.Open("form", ("method", "post"), ("action", LoginEndpoints.Path), ("class", "search-form"))
                .Open("input", ("type", "hidden"), ("name", "returnUrl"), ("value", returnUrl))
                .Element("label", "Access token", ("for", "token"))
                .Open("input", ("type", "password"), ("id", "token"), ("name", "token"), ("required", string.Empty), ("autocomplete", "current-password"))
                .Element("button", "Sign in", ("type", "submit"))
                .Close("form");
        });
}
