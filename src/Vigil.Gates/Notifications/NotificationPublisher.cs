using Microsoft.Extensions.Options;

namespace Vigil.Gates.Notifications;

/// <summary>
/// Publishes to every configured channel: only findings new for the subject are told; with the daily digest on, they
/// are collected and sent by <see cref="FlushDigestAsync"/>.
/// </summary>
public sealed class NotificationPublisher(
    IEnumerable<INotificationChannel> channels,
    NotificationSender sender,
    NotificationLedger ledger,
    IOptions<NotificationOptions> options) : INotificationPublisher
{
    private readonly IReadOnlyList<INotificationChannel> channels = [.. channels];

    /// <inheritdoc/>
    public async Task PublishAsync(GateNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (channels.Count == 0)
        {
            return;
        }

        var fresh = await ledger.ClaimNewAsync(notification, cancellationToken).ConfigureAwait(false);
        if (fresh is null)
        {
            return; // Everything in it was told before.
        }

        var toSend = notification with { Findings = fresh.Count == 0 ? notification.Findings : fresh };
        if (options.Value.DailyDigest)
        {
            await ledger.AddToDigestAsync(toSend, cancellationToken).ConfigureAwait(false);
            return;
        }

        await Task.WhenAll(channels.Select(c => sender.SendAsync(c, [toSend], digest: false, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Sends the collected notifications as one digest per channel; returns how many were in it.</summary>
    public async Task<int> FlushDigestAsync(CancellationToken cancellationToken)
    {
        var (items, upTo) = await ledger.PendingDigestAsync(cancellationToken).ConfigureAwait(false);
        if (items.Count == 0 || channels.Count == 0)
        {
            return 0;
        }

        var results = await Task.WhenAll(channels.Select(c => sender.SendAsync(c, items, digest: true, cancellationToken))).ConfigureAwait(false);

        // Keep the digest when no channel took it, so the next flush tries again.
        if (results.Any(r => r))
        {
            await ledger.ClearDigestAsync(upTo, cancellationToken).ConfigureAwait(false);
        }

        return items.Count;
    }
}
