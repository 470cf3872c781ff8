using System.Net.Http.Headers;

namespace Vigil.Gates.Notifications;

/// <summary>One destination (Slack, Teams, CloudEvents webhook): turns notifications into the receiver's payload.</summary>
public interface INotificationChannel
{
    /// <summary>Channel name for logs and metrics (<c>slack</c>).</summary>
    string Name { get; }

    /// <summary>The destination URL (a secret: log it only through <see cref="UrlRedactor"/>).</summary>
    Uri Url { get; }

    /// <summary>The request body for one notification, or for several as a digest.</summary>
    HttpContent CreateContent(IReadOnlyList<GateNotification> notifications, bool digest);

    /// <summary>Adds headers the receiver needs (authorization).</summary>
    void AddHeaders(HttpRequestHeaders headers);
}
