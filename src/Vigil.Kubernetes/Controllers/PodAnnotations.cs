namespace Vigil.Kubernetes.Controllers;

/// <summary>
/// The pod metadata Vigil reads: its labels and the annotations <c>vigil.dev/skip</c> (do not report this pod), <c>vigil.dev/ignore-unfixed</c>
/// (leave out findings without a fix) and <c>vigil.dev/ignore</c> (comma-separated vulnerability ids to leave out).
/// </summary>
/// <param name="Skip">Whether the pod is skipped.</param>
/// <param name="IgnoreUnfixed">Whether findings without a fixed version are left out.</param>
/// <param name="IgnoredIds">Ids left out (matched against a finding's id and aliases, case-insensitive).</param>
public sealed record PodAnnotations(bool Skip, bool IgnoreUnfixed, IReadOnlySet<string> IgnoredIds)
{
    /// <summary>The annotation that skips a pod.</summary>
    public const string SkipKey = "vigil.dev/skip";

    /// <summary>The annotation that leaves out unfixed findings.</summary>
    public const string IgnoreUnfixedKey = "vigil.dev/ignore-unfixed";

    /// <summary>The annotation listing ignored ids.</summary>
    public const string IgnoreKey = "vigil.dev/ignore";

    /// <summary>
    /// The pod's labels. Not an annotation, but read from the same metadata and kept with it: policy exemptions match
    /// workloads by label, and a label change must reach the policy actions as an annotation change does.
    /// </summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>No annotations.</summary>
    public static PodAnnotations None { get; } = new(false, false, new HashSet<string>());

    /// <summary>Reads the annotations; values that are not booleans count as false (and are reported in <paramref name="problems"/>).</summary>
    public static PodAnnotations Parse(IDictionary<string, string>? annotations, ICollection<string>? problems = null)
    {
        if (annotations is null || annotations.Count == 0)
        {
            return None;
        }

        var ids = annotations.TryGetValue(IgnoreKey, out var list)
            ? list.Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        return new PodAnnotations(Flag(annotations, SkipKey, problems), Flag(annotations, IgnoreUnfixedKey, problems), ids);
    }

    private static bool Flag(IDictionary<string, string> annotations, string key, ICollection<string>? problems)
    {
        if (!annotations.TryGetValue(key, out var value))
        {
            return false;
        }

        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on":
                return true;
            case "false" or "0" or "no" or "off" or "":
                return false;
            default:
                problems?.Add($"annotation {key}='{value}' is not a boolean; treated as false");
                return false;
        }
    }
}
