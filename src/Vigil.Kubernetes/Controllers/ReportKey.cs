using Vigil.Kubernetes.Abstractions;
using Vigil.Kubernetes.Owners;

namespace Vigil.Kubernetes.Controllers;

/// <summary>One VulnerabilityReport: a workload's container running one image (digest and platform).</summary>
/// <param name="Workload">The top controller.</param>
/// <param name="Container">The container name.</param>
/// <param name="ContainerType"><c>container</c>, <c>initContainer</c> or <c>ephemeralContainer</c>.</param>
/// <param name="Image">The scanned image.</param>
public sealed record ReportKey(WorkloadReference Workload, string Container, string ContainerType, ImageKey Image)
{
    /// <summary>The report's object name: readable, DNS-1123, unique per key, at most 253 characters.</summary>
    public string ResourceName
    {
        get
        {
            var arch = Image.Platform.Architecture == "amd64" && Image.Platform.Os == "linux" ? string.Empty : "-" + Sanitize(Image.Platform.Architecture + Image.Platform.Variant);
            var name = Sanitize($"{Workload.Kind}-{Workload.Name}-{Container}") + "-" + Image.Digest.Short + arch;
            return name.Length <= 253 ? name : name[..240].TrimEnd('-', '.') + "-" + Image.Digest.Hex[12..24];
        }
    }

    /// <summary>Whether two keys are the same workload and container (so one replaces the other).</summary>
    public bool SameSlot(ReportKey other) =>
        other is not null && other.Workload.Uid == Workload.Uid && other.Container == Container && other.ContainerType == ContainerType;

    private static string Sanitize(string value)
    {
        var chars = value.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray();
        return new string(chars).Trim('-', '.');
    }
}
