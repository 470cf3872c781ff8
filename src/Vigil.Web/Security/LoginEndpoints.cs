using Microsoft.Extensions.Options;
using Vigil.Web.Html;

namespace Vigil.Web.Security;

/// <summary>POST <c>/login</c>: checks the token and sets the session cookie. The only POST, and it changes no data.</summary>
internal static class LoginEndpoints
{
    public const string Path = "/login";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, async (HttpContext context, IOptions<VigilWebOptions> options) =>
        {
            var token = options.Value.BearerToken;
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
            var returnUrl = LocalOnly(form?["returnUrl"].ToString());
            if (string.IsNullOrEmpty(token) || form is null || !TokenComparer.FixedTimeEquals(form["token"].ToString(), token))
            {
                return (IResult)new HtmlResult(LoginPage.Render(returnUrl, !string.IsNullOrEmpty(token), failed: true), StatusCodes.Status401Unauthorized);
            }

            context.Response.Cookies.Append(AccessControlMiddleware.CookieName, TokenComparer.CookieValue(token), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
            return Results.Redirect(returnUrl);
        }).ExcludeFromDescription().DisableAntiforgery();
    }

    /// <summary>Only a local path: an open redirect would let a crafted link send a signed-in user elsewhere.</summary>
    private static string LocalOnly(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
