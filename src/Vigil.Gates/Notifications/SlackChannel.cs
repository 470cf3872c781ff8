using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vigil.Gates.Notifications;

/// <summary>
/// Slack incoming webhook with Block Kit blocks: a header, the verdict, image and digest fields, the findings, and a
/// plain <c>text</c> fallback for notifications and screen readers.
/// </summary>
/// <remarks>Block Kit limits: header text 150 characters, section text 3000, at most 10 fields and 50 blocks.</remarks>
public sealed class SlackChannel(Uri url) : INotificationChannel
{
    /// <inheritdoc/>
    public string Name => "slack";

    /// <inheritdoc/>
    public Uri Url { get; } = url;

    /// <inheritdoc/>
    public void AddHeaders(HttpRequestHeaders headers)
    {
    }

    /// <inheritdoc/>
    public HttpContent CreateContent(IReadOnlyList<GateNotification> notifications, bool digest)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var title = digest ? NotificationText.DigestTitle(notifications.Count) : NotificationText.Title(notifications[0]);
        var blocks = new JsonArray { Header(title) };
        foreach (var notification in notifications.Take(digest ? 12 : 1))
        {
            if (digest)
            {
                blocks.Add(Section($"*{Escape(NotificationText.Title(notification))}*"));
            }

            blocks.Add(Section(Escape(NotificationText.Short(notification.Summary, 2900))));
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray(
                    Markdown($"*Image*\n`{Escape(NotificationText.Short(notification.Image, 1900))}`"),
                    Markdown($"*Digest*\n`{notification.Digest?.ToString() ?? "unknown"}`")),
            });
            if (notification.Findings.Count > 0)
            {
                var lines = NotificationText.FindingLines(notification.Findings).Select(l => "• " + Escape(l));
                blocks.Add(Section(NotificationText.Short(string.Join("\n", lines), 2900)));
            }

            blocks.Add(new JsonObject { ["type"] = "divider" });
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(Markdown($"Vigil · {notifications[^1].Time:yyyy-MM-dd HH:mm} UTC")),
        });
        var payload = new JsonObject { ["text"] = title, ["blocks"] = blocks };
        return JsonContent.Create(payload);
    }

    private static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = NotificationText.Short(text, 150), ["emoji"] = false },
    };

    private static JsonObject Section(string markdown) => new() { ["type"] = "section", ["text"] = Markdown(markdown) };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    /// <summary>Slack mrkdwn needs &amp;, &lt; and &gt; escaped; nothing else is interpreted inside text.</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
