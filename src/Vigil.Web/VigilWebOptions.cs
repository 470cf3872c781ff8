namespace Vigil.Web;

/// <summary>How the dashboard behaves and who may read it.</summary>
public sealed class VigilWebOptions
{
    /// <summary>
    /// When set, every request (except <c>/healthz</c> and the stylesheet) must carry <c>Authorization: Bearer &lt;token&gt;</c>
    /// or the session cookie set by the login form. Compared in constant time; never logged.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// Addresses of the authenticating proxy (oauth2-proxy and the like). Requests from these addresses carrying a user
    /// header are let in as that user; the headers are ignored from anywhere else.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>The user headers read from a trusted proxy, in order.</summary>
    public IList<string> ProxyUserHeaders { get; } = ["X-Forwarded-User", "X-Auth-Request-Email"];

    /// <summary>How many days the trend charts cover. Default 30.</summary>
    public int TrendDays { get; set; } = 30;

    /// <summary>How many workloads the overview lists as worst. Default 10.</summary>
    public int WorstWorkloads { get; set; } = 10;

    /// <summary>How many hits one search page shows; the page links to the next. Default 50.</summary>
    public int SearchLimit { get; set; } = 50;

    /// <summary>The vulnerability database age after which the overview warns. Default 2 days.</summary>
    public TimeSpan StaleDatabaseAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Whether any access control is configured.</summary>
    internal bool RequiresAuthentication => !string.IsNullOrEmpty(BearerToken) || TrustedProxies.Count > 0;
}
