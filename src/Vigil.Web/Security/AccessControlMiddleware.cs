using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Vigil.Web.Html;

namespace Vigil.Web.Security;

/// <summary>
/// Lets a request in when no access control is configured, when it carries the bearer token or session cookie, or when
/// it comes from a trusted proxy with a user header. Everything else gets 401.
/// </summary>
internal sealed partial class AccessControlMiddleware(RequestDelegate next, IOptions<VigilWebOptions> options, ILogger<AccessControlMiddleware> logger)
{
    public const string CookieName = "vigil_session";

    private readonly IPAddress[] _proxies = options.Value.TrustedProxies.Select(ParseProxy).ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        var settings = options.Value;
        var path = context.Request.Path;
        if (!settings.RequiresAuthentication || path == "/healthz" || path.StartsWithSegments("/assets") || path == LoginEndpoints.Path)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!string.IsNullOrEmpty(settings.BearerToken) && HasToken(context, settings.BearerToken))
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "token")], "Bearer"));
            await next(context).ConfigureAwait(false);
            return;
        }

        if (ProxyUser(context, settings) is { } user)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "Proxy"));
            await next(context).ConfigureAwait(false);
            return;
        }

        LogRejected(logger, path.Value ?? string.Empty, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (!string.IsNullOrEmpty(settings.BearerToken))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"vigil\"";
        }

        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi"))
        {
            await context.Response.WriteAsJsonAsync(new { error = "authentication required" }, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await new HtmlResult(LoginPage.Render(context.Request.Path + context.Request.QueryString, tokenLogin: !string.IsNullOrEmpty(settings.BearerToken), failed: false), StatusCodes.Status401Unauthorized)
            .ExecuteAsync(context).ConfigureAwait(false);
    }

    private static bool HasToken(HttpContext context, string token)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return TokenComparer.FixedTimeEquals(header["Bearer ".Length..].Trim(), token);
        }

        return context.Request.Cookies.TryGetValue(CookieName, out var cookie) && TokenComparer.FixedTimeEquals(cookie, TokenComparer.CookieValue(token));
    }

    private string? ProxyUser(HttpContext context, VigilWebOptions settings)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !_proxies.Any(p => p.Equals(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)))
        {
            return null;
        }

        foreach (var header in settings.ProxyUserHeaders)
        {
            var value = context.Request.Headers[header].ToString().Trim();
            if (value.Length > 0)
            {
                return value;
            }
        }

        return null;
    }

    private static IPAddress ParseProxy(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address
            : throw new OptionsValidationException(nameof(VigilWebOptions.TrustedProxies), typeof(VigilWebOptions), [$"Trusted proxy '{value}' is not an IP address."]);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rejected unauthenticated request for {Path} from {Remote}")]
    private static partial void LogRejected(ILogger logger, string path, string remote);
}
