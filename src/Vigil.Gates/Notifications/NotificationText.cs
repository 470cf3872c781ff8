using Vigil.Core;
using Vigil.Gates.Abstractions;

namespace Vigil.Gates.Notifications;

/// <summary>Wording shared by every channel.</summary>
internal static class NotificationText
{
    /// <summary>Findings listed per message at most; the rest are counted.</summary>
    public const int MaxFindingsListed = 10;

    public static string Title(GateNotification notification) => notification.Kind switch
    {
        GateNotification.ImageHeld => $"Image held back: {Short(notification.Image, 100)}",
        GateNotification.WorkloadVulnerable => $"New vulnerabilities in {Short(notification.Subject, 100)}",
        GateNotification.ImagePromoted => $"Image promoted: {Short(notification.Image, 100)}",
        _ => $"Vigil: {Short(notification.Subject, 120)}",
    };

    public static string DigestTitle(int count) => $"Vigil daily digest: {count} notification{(count == 1 ? string.Empty : "s")}";

    public static string Finding(FindingSummary finding) =>
        $"{finding.Id} ({finding.Severity.ToLabel()}) in {finding.Package} {finding.InstalledVersion}, " +
        (finding.FixedVersion is { } fix ? $"fixed in {fix}" : "no fix yet");

    public static IEnumerable<string> FindingLines(IReadOnlyList<FindingSummary> findings)
    {
        foreach (var finding in findings.OrderByDescending(f => f.Severity).Take(MaxFindingsListed))
        {
            yield return Finding(finding);
        }

        if (findings.Count > MaxFindingsListed)
        {
            yield return $"… and {findings.Count - MaxFindingsListed} more";
        }
    }

    public static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
