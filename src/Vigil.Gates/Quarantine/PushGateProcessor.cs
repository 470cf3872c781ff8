using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Gates.Abstractions;
using Vigil.Gates.Notifications;
using Vigil.Gates.Policy;
using Vigil.Gates.RegistryWebhook;

namespace Vigil.Gates.Quarantine;

/// <summary>
/// Works through the push queue: scan the pushed digest, decide with the policy, store the verdict, then act — promote
/// (or release from ACR quarantine) a passing image, hold (optionally delete) and notify about a failing one.
/// </summary>
public sealed class PushGateProcessor(
    PushEventQueue queue,
    PushGateSignal signal,
    IGateScanner scanner,
    IFindingCache cache,
    PolicyEvaluator evaluator,
    IPolicySource policies,
    IOptions<PushGateOptions> options,
    ILogger<PushGateProcessor> logger,
    IRegistryPromoter? promoter = null,
    AcrQuarantineClient? acr = null,
    INotificationPublisher? notifications = null,
    TimeProvider? timeProvider = null) : BackgroundService
{
    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Processes every event that has work left, then returns (tests and one-shot runs).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var processed = 0;
        while (await queue.LeaseAsync(owner, options.Value.LeaseDuration, cancellationToken).ConfigureAwait(false) is { } item)
        {
            await ProcessAsync(item, cancellationToken).ConfigureAwait(false);
            processed++;
        }

        return processed;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovered = await queue.RecoverAsync(stoppingToken).ConfigureAwait(false);
        if (recovered > 0)
        {
            logger.QueueRecovered(recovered);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken).ConfigureAwait(false);
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                logger.QueueError(e);
                await Task.Delay(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ProcessAsync(QueuedPushEvent item, CancellationToken cancellationToken)
    {
        var pushEvent = item.Event;
        try
        {
            var verdict = item.Verdict;
            if (item.State == QueueState.Pending || verdict is null)
            {
                verdict = await ScanAndDecideAsync(pushEvent, cancellationToken).ConfigureAwait(false);
                if (!await queue.RecordVerdictAsync(pushEvent.Key, owner, verdict, cancellationToken).ConfigureAwait(false))
                {
                    return; // Lease lost: another worker owns it now.
                }
            }

            var outcome = await ActAsync(pushEvent, verdict, cancellationToken).ConfigureAwait(false);
            await queue.CompleteAsync(pushEvent.Key, owner, outcome, cancellationToken).ConfigureAwait(false);
            logger.PushCompleted(pushEvent.ImageReference, outcome);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease is dropped at the next start, and the event is taken up again from its stored state.
            throw;
        }
        catch (Exception e)
        {
            logger.PushAttemptFailed(e, pushEvent.ImageReference, item.Attempts);
            await queue.FailAttemptAsync(pushEvent.Key, owner, $"{e.GetType().Name}: {e.Message}", options.Value.RetryDelay, options.Value.MaxAttempts, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<StoredVerdict> ScanAndDecideAsync(PushEvent pushEvent, CancellationToken cancellationToken)
    {
        var policy = policies.Current;
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var scan = await cache.GetAsync(pushEvent.Digest, cancellationToken).ConfigureAwait(false);
        if (scan is null || (policy.MaxReportAge is { } maxAge && now - scan.ScannedAt > maxAge))
        {
            logger.PushScanStarted(pushEvent.ImageReference);
            scan = await scanner.ScanAsync($"{pushEvent.Registry}/{pushEvent.Repository}", pushEvent.Digest, cancellationToken).ConfigureAwait(false);
            await cache.SetAsync(scan, cancellationToken).ConfigureAwait(false);
        }

        var image = $"{pushEvent.Registry}/{pushEvent.Repository}" + (pushEvent.Tag is null ? string.Empty : ":" + pushEvent.Tag);
        var verdict = evaluator.Evaluate(policy, new PolicySubject(image) { Digest = pushEvent.Digest }, scan);
        return StoredVerdict.From(verdict);
    }

    private async Task<string> ActAsync(PushEvent pushEvent, StoredVerdict verdict, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (verdict.Decision != VerdictDecision.Denied)
        {
            if (pushEvent.Source == PushEventSource.Acr && acr is not null)
            {
                await acr.SetStateAsync(pushEvent.Registry, pushEvent.Repository, pushEvent.Digest, "Passed", verdict.Summary, cancellationToken).ConfigureAwait(false);
                return "released from quarantine";
            }

            if (settings.ReleaseRepositoryFor(pushEvent.Repository) is { } target && promoter is not null)
            {
                var tag = pushEvent.Tag ?? $"{pushEvent.Digest.Algorithm}-{pushEvent.Digest.Hex}";
                await promoter.PromoteAsync(pushEvent.Registry, pushEvent.Repository, pushEvent.Digest, target, tag, cancellationToken).ConfigureAwait(false);
                return $"promoted to {target}:{tag}";
            }

            return "passed (no promotion configured)";
        }

        var outcome = "held";
        if (settings.DeleteFailed && promoter is not null && pushEvent.Source != PushEventSource.Acr)
        {
            await promoter.DeleteAsync(pushEvent.Registry, pushEvent.Repository, pushEvent.Digest, cancellationToken).ConfigureAwait(false);
            outcome = "held and deleted";
        }

        if (notifications is not null)
        {
            await notifications.PublishAsync(new GateNotification(GateNotification.ImageHeld, pushEvent.ImageReference, pushEvent.ImageReference, verdict.Blocking, verdict.Summary)
            {
                Digest = pushEvent.Digest,
                Time = (timeProvider ?? TimeProvider.System).GetUtcNow(),
            }, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }
}
