using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Vigil.Gates.Notifications;

/// <summary>Sends the daily digest at <see cref="NotificationOptions.DigestTime"/> (UTC) when the digest is on.</summary>
public sealed class DailyDigestService(NotificationPublisher publisher, IOptions<NotificationOptions> options, TimeProvider timeProvider) : BackgroundService
{
    /// <summary>The next send time after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var today = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(at), TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DailyDigest)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = timeProvider.GetUtcNow();
            await Task.Delay(NextRun(now, options.Value.DigestTime) - now, timeProvider, stoppingToken).ConfigureAwait(false);
            await publisher.FlushDigestAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
