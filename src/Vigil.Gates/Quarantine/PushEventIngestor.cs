using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Gates.RegistryWebhook;

namespace Vigil.Gates.Quarantine;

/// <summary>Stores received push events in the queue (skipping release repositories and duplicates) and wakes the worker.</summary>
public sealed class PushEventIngestor(PushEventQueue queue, PushGateSignal signal, IOptions<PushGateOptions> options, ILogger<PushEventIngestor> logger)
{
    /// <summary>Stores <paramref name="events"/>; returns how many were new.</summary>
    public async Task<int> IngestAsync(IReadOnlyList<PushEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var added = 0;
        foreach (var pushEvent in events)
        {
            if (options.Value.IsReleaseRepository(pushEvent.Repository))
            {
                logger.PushSkippedRelease(pushEvent.ImageReference);
                continue;
            }

            if (await queue.EnqueueAsync(pushEvent, cancellationToken).ConfigureAwait(false))
            {
                added++;
                logger.PushQueued(pushEvent.Source.ToString(), pushEvent.ImageReference, pushEvent.Tag);
            }
            else
            {
                logger.PushDuplicate(pushEvent.Key);
            }
        }

        if (added > 0)
        {
            signal.Notify();
        }

        return added;
    }
}
