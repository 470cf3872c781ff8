namespace Vigil.Web.Html;

/// <summary>Decides whether a URL from data (advisory references) may become a link.</summary>
internal static class SafeUrl
{
    /// <summary>Only absolute http and https URLs are links; <c>javascript:</c>, <c>data:</c> and the rest stay text.</summary>
    public static bool IsLinkable(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
