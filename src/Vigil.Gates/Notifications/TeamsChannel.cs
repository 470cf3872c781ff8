using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vigil.Gates.Notifications;

/// <summary>
/// Microsoft Teams workflow webhook: a <c>message</c> with one Adaptive Card attachment
/// (<c>application/vnd.microsoft.card.adaptive</c>, card version 1.4) holding a title, the verdict, facts and findings.
/// </summary>
public sealed class TeamsChannel(Uri url) : INotificationChannel
{
    /// <inheritdoc/>
    public string Name => "teams";

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
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
        };
        foreach (var notification in notifications.Take(digest ? 20 : 1))
        {
            if (digest)
            {
                body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = NotificationText.Title(notification), ["weight"] = "Bolder", ["wrap"] = true, ["separator"] = true });
            }

            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = NotificationText.Short(notification.Summary, 4000), ["wrap"] = true });
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(
                    Fact("Image", notification.Image),
                    Fact("Digest", notification.Digest?.ToString() ?? "unknown"),
                    Fact("Findings", notification.Findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            });
            if (notification.Findings.Count > 0)
            {
                body.Add(new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = string.Join("\n", NotificationText.FindingLines(notification.Findings).Select(l => "- " + l)),
                    ["wrap"] = true,
                });
            }
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        var payload = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        };
        return JsonContent.Create(payload);
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
