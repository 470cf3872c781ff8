using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Gates.Notifications;

/// <summary>
/// A generic webhook receiving CloudEvents 1.0 in structured JSON mode (<c>application/cloudevents+json</c>); a digest
/// is sent as a batch (<c>application/cloudevents-batch+json</c>, a JSON array of events).
/// </summary>
public sealed class CloudEventsChannel(Uri url, string? bearerToken = null) : INotificationChannel
{
    /// <summary>The event <c>source</c> attribute.</summary>
    public const string Source = "/vigil/gates";

    /// <inheritdoc/>
    public string Name => "webhook";

    /// <inheritdoc/>
    public Uri Url { get; } = url;

    /// <inheritdoc/>
    public void AddHeaders(HttpRequestHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (bearerToken is not null)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    /// <inheritdoc/>
    public HttpContent CreateContent(IReadOnlyList<GateNotification> notifications, bool digest)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        if (!digest && notifications.Count == 1)
        {
            return new StringContent(ToEvent(notifications[0]).ToJsonString(), Encoding.UTF8, "application/cloudevents+json");
        }

        var batch = new JsonArray([.. notifications.Select(ToEvent)]);
        return new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/cloudevents-batch+json");
    }

    /// <summary>The CloudEvent for one notification.</summary>
    public static JsonObject ToEvent(GateNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new JsonObject
        {
            ["specversion"] = "1.0",
            ["type"] = "dev.vigil." + notification.Kind,
            ["source"] = Source,
            ["id"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(notification.Id)))[..32],
            ["time"] = notification.Time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["subject"] = notification.Subject,
            ["datacontenttype"] = "application/json",
            ["data"] = new JsonObject
            {
                ["image"] = notification.Image,
                ["digest"] = notification.Digest?.ToString(),
                ["summary"] = notification.Summary,
                ["findings"] = JsonSerializer.SerializeToNode(notification.Findings.Select(f => new
                {
                    id = f.Id,
                    package = f.Package,
                    installedVersion = f.InstalledVersion,
                    fixedVersion = f.FixedVersion,
                    severity = f.Severity.ToString().ToUpperInvariant(),
                })),
            },
        };
    }
}
