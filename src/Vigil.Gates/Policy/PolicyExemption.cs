namespace Vigil.Gates.Policy;

/// <summary>
/// Workloads the policy does not block: every condition given must match (namespace, all labels, image pattern).
/// </summary>
public sealed record PolicyExemption
{
    /// <summary>Namespace glob (<c>legacy-*</c>); null matches any namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Labels the workload must all carry with these values.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Image glob (<c>registry.example.com/legacy/*</c>; <c>*</c> stops at <c>/</c>, <c>**</c> does not); null matches any image.</summary>
    public string? Image { get; init; }

    /// <summary>Why the exemption exists; shown in verdicts.</summary>
    public string? Reason { get; init; }

    /// <summary>After this instant the exemption no longer applies; null for no expiry.</summary>
    public DateTimeOffset? Expires { get; init; }
}
