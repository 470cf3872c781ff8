using System.Globalization;
using Vigil.Core;
using Vigil.Gates.Abstractions;

namespace Vigil.Gates.Policy;

/// <summary>Applies a <see cref="GatePolicy"/> to an image's findings and produces a <see cref="Verdict"/>.</summary>
/// <remarks>Pure apart from the clock: the same policy, findings and time give the same verdict.</remarks>
public sealed class PolicyEvaluator(TimeProvider timeProvider)
{
    /// <summary>Evaluates an image with a scan result, or without one (<paramref name="scan"/> null: the image is unknown).</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="subject">The image and workload.</param>
    /// <param name="scan">The scan result, or null when there is none.</param>
    /// <param name="unknownReason">Why there is no scan result (shown to people); used when <paramref name="scan"/> is null.</param>
    public Verdict Evaluate(GatePolicy policy, PolicySubject subject, ImageScanResult? scan, string? unknownReason = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(subject);
        var now = timeProvider.GetUtcNow();
        var notes = new List<string>();
        var exemption = FindExemption(policy, subject, now, notes);

        if (scan is not null && policy.MaxReportAge is { } maxAge && now - scan.ScannedAt > maxAge)
        {
            unknownReason = $"its scan report is {DurationText.Format(Truncate(now - scan.ScannedAt))} old, older than maxReportAge {DurationText.Format(maxAge)}";
            scan = null;
        }

        if (scan is null)
        {
            return Unknown(policy, subject, unknownReason ?? "it has not been scanned", exemption, notes);
        }

        subject = subject with { Digest = subject.Digest ?? scan.Digest };
        var blocking = new List<BlockingFinding>();
        var notBlocking = new List<NonBlockingFinding>();
        foreach (var finding in scan.Findings)
        {
            var reason = Classify(policy, finding, now, notes);
            if (reason is { } r)
            {
                notBlocking.Add(r);
            }
            else if (exemption is not null)
            {
                notBlocking.Add(new NonBlockingFinding(finding, NonBlockingReason.Exempted, "exempted: " + Describe(exemption)));
            }
            else
            {
                blocking.Add(new BlockingFinding(finding, $"{finding.Severity.ToLabel()} is above maxSeverity {policy.MaxSeverity.ToLabel()}"));
            }
        }

        var graceWarnings = notBlocking.Count(n => n.Reason == NonBlockingReason.InGracePeriod);
        if (graceWarnings > 0)
        {
            notes.Add($"{graceWarnings} finding(s) are inside the grace period and will block once it ends: " +
                      string.Join(", ", notBlocking.Where(n => n.Reason == NonBlockingReason.InGracePeriod).Select(n => $"{n.Finding.Id} ({n.Explanation})")));
        }

        var exemptedCount = notBlocking.Count(n => n.Reason == NonBlockingReason.Exempted);
        if (exemption is not null && exemptedCount > 0)
        {
            notes.Add($"{exemptedCount} finding(s) would block but the workload is exempted ({Describe(exemption)})");
        }

        var decision = blocking.Count > 0
            ? VerdictDecision.Denied
            : graceWarnings > 0 || exemptedCount > 0 ? VerdictDecision.Warned : VerdictDecision.Allowed;
        return Finish(policy, new Verdict
        {
            Subject = subject,
            Decision = decision,
            Blocking = blocking,
            NotBlocking = notBlocking,
        }, notes);
    }

    private static Verdict Unknown(GatePolicy policy, PolicySubject subject, string reason, PolicyExemption? exemption, List<string> notes)
    {
        VerdictDecision decision;
        if (exemption is not null)
        {
            notes.Add($"Allowed without a report because the workload is exempted ({Describe(exemption)})");
            decision = VerdictDecision.Warned;
        }
        else if (policy.UnknownImage == UnknownImageAction.Allow)
        {
            notes.Add("Allowed because the policy allows unknown images (unknownImage: allow)");
            decision = VerdictDecision.Warned;
        }
        else
        {
            notes.Add("The policy denies unknown images (unknownImage: deny); scan the image or pin a scanned digest");
            decision = VerdictDecision.Denied;
        }

        return Finish(policy, new Verdict { Subject = subject, Decision = decision, UnknownReason = reason }, notes);
    }

    private static Verdict Finish(GatePolicy policy, Verdict verdict, List<string> notes)
    {
        var decision = verdict.Decision;
        if (policy.Mode == PolicyMode.Audit && decision == VerdictDecision.Denied)
        {
            notes.Add("Audit mode: not blocked");
            decision = VerdictDecision.Warned;
        }

        return verdict with { Decision = decision, Mode = policy.Mode, Notes = notes };
    }

    private static NonBlockingFinding? Classify(GatePolicy policy, Finding finding, DateTimeOffset now, List<string> notes)
    {
        foreach (var allowed in policy.Allow)
        {
            if (!Matches(allowed, finding))
            {
                continue;
            }

            if (allowed.Expires is { } expires && expires <= now)
            {
                notes.Add($"The allow entry for {allowed.Id} expired on {expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
                continue;
            }

            var until = allowed.Expires is { } e ? $" until {e.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC" : string.Empty;
            return new NonBlockingFinding(finding, NonBlockingReason.Allowed, $"allowed by policy{until}{(allowed.Reason is null ? string.Empty : ": " + allowed.Reason)}");
        }

        if (finding.Severity == Severity.Unknown)
        {
            return new NonBlockingFinding(finding, NonBlockingReason.BelowThreshold, "severity unknown");
        }

        if (finding.Severity <= policy.MaxSeverity)
        {
            return new NonBlockingFinding(finding, NonBlockingReason.BelowThreshold, $"{finding.Severity.ToLabel()} is within maxSeverity {policy.MaxSeverity.ToLabel()}");
        }

        if (policy.IgnoreUnfixed && !finding.IsFixable)
        {
            return new NonBlockingFinding(finding, NonBlockingReason.Unfixed, "no fix published (ignoreUnfixed)");
        }

        if (policy.GracePeriod is { } grace && finding.Published is { } published && now - published < grace.Duration
            && (grace.StillBlockAtOrAbove is not { } still || finding.Severity < still))
        {
            var blocksFrom = published + grace.Duration;
            return new NonBlockingFinding(finding, NonBlockingReason.InGracePeriod, $"published {published.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, blocks from {blocksFrom.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        }

        return null;
    }

    private static bool Matches(AllowedVulnerability allowed, Finding finding)
    {
        var idMatches = finding.Id.Equals(allowed.Id, StringComparison.OrdinalIgnoreCase)
                        || finding.Aliases.Any(a => a.Equals(allowed.Id, StringComparison.OrdinalIgnoreCase));
        return idMatches && (allowed.Package is null
                             || allowed.Package.Equals(finding.Package.Name, StringComparison.Ordinal)
                             || allowed.Package.Equals(finding.Package.SourceName, StringComparison.Ordinal));
    }

    private static PolicyExemption? FindExemption(GatePolicy policy, PolicySubject subject, DateTimeOffset now, List<string> notes)
    {
        foreach (var exemption in policy.Exemptions)
        {
            var matches = (exemption.Namespace is null || (subject.Namespace is { } ns && ImageGlob.IsMatch(exemption.Namespace, ns)))
                          && (exemption.Image is null || ImageGlob.IsMatch(exemption.Image, subject.Image))
                          && exemption.Labels.All(l => subject.Labels.TryGetValue(l.Key, out var v) && v == l.Value);
            if (!matches)
            {
                continue;
            }

            if (exemption.Expires is { } expires && expires <= now)
            {
                notes.Add($"An exemption ({Describe(exemption)}) matched but expired on {expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
                continue;
            }

            return exemption;
        }

        return null;
    }

    private static string Describe(PolicyExemption exemption)
    {
        var parts = new List<string>();
        if (exemption.Namespace is not null)
        {
            parts.Add($"namespace {exemption.Namespace}");
        }

        if (exemption.Labels.Count > 0)
        {
            parts.Add("labels " + string.Join(",", exemption.Labels.Select(l => $"{l.Key}={l.Value}")));
        }

        if (exemption.Image is not null)
        {
            parts.Add($"image {exemption.Image}");
        }

        if (exemption.Reason is not null)
        {
            parts.Add(exemption.Reason);
        }

        return string.Join("; ", parts);
    }

    private static TimeSpan Truncate(TimeSpan age) => TimeSpan.FromMinutes(Math.Floor(age.TotalMinutes));
}
