namespace Vigil.Gates.Notifications;

/// <summary>Sends a notification to every configured channel (Slack, Teams, webhook), with de-duplication and retries.</summary>
public interface INotificationPublisher
{
    /// <summary>Publishes <paramref name="notification"/>; never throws for a failing channel (failures are logged).</summary>
    Task PublishAsync(GateNotification notification, CancellationToken cancellationToken);
}
