namespace Vigil.Gates.Notifications;

/// <summary>
/// Shortens a webhook URL for logs: Slack, Teams and most webhook URLs carry their secret in the path or query, so only
/// the scheme and host are kept.
/// </summary>
public static class UrlRedactor
{
    /// <summary><c>https://hooks.slack.com/***</c>.</summary>
    public static string Redact(Uri? url) => url is null ? "(none)" : $"{url.Scheme}://{url.Authority}/***";
}
