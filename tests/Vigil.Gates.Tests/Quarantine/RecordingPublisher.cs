using System.Collections.Concurrent;
using Vigil.Gates.Notifications;

namespace Vigil.Gates.Tests.Quarantine;

internal sealed class RecordingPublisher : INotificationPublisher
{
    public ConcurrentQueue<GateNotification> Published { get; } = new();

    public Task PublishAsync(GateNotification notification, CancellationToken cancellationToken)
    {
        Published.Enqueue(notification);
        return Task.CompletedTask;
    }
}
