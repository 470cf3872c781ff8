using Vigil.Web.Api;
using Vigil.Web.Dashboard;
using Vigil.Web.Security;

namespace Vigil.Web;

/// <summary>Maps the dashboard, the API, the OpenAPI document and the health check onto an application.</summary>
public static class VigilWebApplicationExtensions
{
    /// <summary>
    /// Adds access control and security headers, then maps the pages, <c>/api/v1/…</c>, <c>/openapi/v1.json</c> and
    /// <c>/healthz</c>. Call after <c>AddVigilWeb</c> and the results store registration.
    /// </summary>
    public static WebApplication MapVigilWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            return next(context);
        });
        app.UseMiddleware<AccessControlMiddleware>();

        app.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json");
        AssetEndpoints.Map(app);
        LoginEndpoints.Map(app);
        DashboardEndpoints.Map(app);
        ApiEndpoints.Map(app);
        return app;
    }
}
