using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Gates.Policy;

namespace Vigil.Gates.Admission;

/// <summary>
/// Decides an admission request: one verdict per distinct image, in parallel, all within the budget; denied when any
/// image is denied; warnings for everything let through with a remark.
/// </summary>
public sealed class AdmissionReviewer(
    ImageVerdictSource verdicts,
    IPolicySource policies,
    IOptions<AdmissionOptions> options,
    TimeProvider timeProvider,
    ILogger<AdmissionReviewer> logger)
{
    /// <summary>Kubernetes shows warnings of up to this length in full.</summary>
    private const int MaxWarningLength = 1024;

    /// <summary>Decides <paramref name="request"/>, answering within the configured budget or <paramref name="apiServerTimeout"/>, whichever is shorter.</summary>
    public async Task<AdmissionOutcome> ReviewAsync(AdmissionRequest request, TimeSpan? apiServerTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var outcome = await DecideAsync(request, apiServerTimeout, cancellationToken).ConfigureAwait(false);
        logger.AdmissionDecided(request.Operation, request.Kind, request.Namespace, request.Name, request.Uid,
            outcome.Allowed ? (outcome.Warnings.Count > 0 ? "allowed with warnings" : "allowed") : "denied",
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return outcome;
    }

    private async Task<AdmissionOutcome> DecideAsync(AdmissionRequest request, TimeSpan? apiServerTimeout, CancellationToken cancellationToken)
    {
        if (!request.HasPodSpec || request.Operation is not ("CREATE" or "UPDATE") || request.Images.Count == 0)
        {
            return new AdmissionOutcome(true, null, [], []);
        }

        if (request.Namespace is { } ns && options.Value.IgnoredNamespaces.Contains(ns, StringComparer.Ordinal))
        {
            return new AdmissionOutcome(true, null, [], []);
        }

        var budget = options.Value.Budget;
        if (apiServerTimeout is { } timeout && timeout * 0.8 < budget)
        {
            // Leave a fifth of the API server's timeout for the network and our own response.
            budget = timeout * 0.8;
        }

        using var deadline = new CancellationTokenSource(budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var policy = policies.Current;
        var distinct = request.Images.Select(i => i.Image).Distinct(StringComparer.Ordinal).ToList();
        var results = await Task.WhenAll(distinct.Select(image => verdicts.GetVerdictAsync(policy, new PolicySubject(image)
        {
            Namespace = request.Namespace,
            Labels = request.Labels,
        }, linked.Token))).ConfigureAwait(false);

        var denied = results.Where(v => v.Decision == VerdictDecision.Denied).ToList();
        var warnings = results.Where(v => v.Decision == VerdictDecision.Warned).Select(v => Shorten(v.Describe())).ToList();
        var message = denied.Count == 0 ? null : string.Join(" ", denied.Select(v => v.Describe()));
        return new AdmissionOutcome(denied.Count == 0, message, warnings, results);
    }

    private static string Shorten(string text) => text.Length <= MaxWarningLength ? text : text[..(MaxWarningLength - 1)] + "…";
}
