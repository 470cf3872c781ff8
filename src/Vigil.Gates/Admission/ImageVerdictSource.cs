using Microsoft.Extensions.Logging;
using Vigil.Gates.Abstractions;
using Vigil.Gates.Policy;

namespace Vigil.Gates.Admission;

/// <summary>
/// Gets a verdict for one image within a budget: digest (resolving a tag only if the budget allows), then the finding
/// cache, then an inline scan; whatever cannot be done in time makes the image unknown for the policy.
/// </summary>
public sealed class ImageVerdictSource(
    IFindingCache cache,
    PolicyEvaluator evaluator,
    TimeProvider timeProvider,
    ILogger<ImageVerdictSource> logger,
    IDigestResolver? resolver = null,
    InlineScanCoordinator? scans = null)
{
    /// <summary>Decides <paramref name="subject"/> under <paramref name="policy"/>; returns when <paramref name="budget"/> fires at the latest.</summary>
    public async Task<Verdict> GetVerdictAsync(GatePolicy policy, PolicySubject subject, CancellationToken budget)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(subject);
        if (!ImageName.TryParse(subject.Image, out var name, out var error))
        {
            return evaluator.Evaluate(policy, subject, null, error);
        }

        var digest = name.Digest;
        if (digest is null)
        {
            if (resolver is null)
            {
                return evaluator.Evaluate(policy, subject, null, $"it is referenced by tag ':{name.Tag}', not by digest, and no registry is configured to resolve it");
            }

            try
            {
                // WaitAsync: the budget holds even if a resolver ignores its token.
                digest = await resolver.ResolveAsync(name.Repository, name.Tag!, budget).WaitAsync(budget).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested)
            {
                return evaluator.Evaluate(policy, subject, null, $"it is referenced by tag ':{name.Tag}' and its digest could not be resolved within the time budget");
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
            {
                logger.DigestResolutionFailed(name.Repository, e.GetType().Name);
                return evaluator.Evaluate(policy, subject, null, $"it is referenced by tag ':{name.Tag}' and the registry could not resolve its digest");
            }

            if (digest is null)
            {
                return evaluator.Evaluate(policy, subject, null, $"tag ':{name.Tag}' was not found in {name.Repository}");
            }
        }

        subject = subject with { Digest = digest };
        var cached = await cache.GetAsync(digest.Value, budget).ConfigureAwait(false);
        if (cached is not null && !IsStale(policy, cached))
        {
            return evaluator.Evaluate(policy, subject, cached);
        }

        if (scans is null)
        {
            return evaluator.Evaluate(policy, subject, cached, cached is null ? "it has not been scanned" : null);
        }

        try
        {
            var result = await scans.ScanAsync(name.Repository, digest.Value, budget).ConfigureAwait(false);
            return evaluator.Evaluate(policy, subject, result);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            return evaluator.Evaluate(policy, subject, null, "it has not been scanned yet and the scan did not finish within the time budget (it continues in the background)");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.InlineScanFailed(e, name.Repository, digest.Value.ToString());
            return evaluator.Evaluate(policy, subject, null, "it could not be scanned");
        }
    }

    private bool IsStale(GatePolicy policy, ImageScanResult result) =>
        policy.MaxReportAge is { } maxAge && timeProvider.GetUtcNow() - result.ScannedAt > maxAge;
}
