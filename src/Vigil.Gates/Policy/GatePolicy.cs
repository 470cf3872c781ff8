using Vigil.Core;
using Vigil.Kubernetes.Entities;

namespace Vigil.Gates.Policy;

/// <summary>
/// A validated gate policy: what may run (admission) or be promoted (registry). Built by <see cref="PolicyParser"/> from a
/// YAML file or from the spec of a <see cref="V1Alpha1VigilPolicy"/>.
/// </summary>
/// <remarks>The defaults describe a cautious policy: enforce, block HIGH and CRITICAL, deny unknown images.</remarks>
public sealed record GatePolicy
{
    /// <summary>Enforce (block) or audit (warn only). Default enforce.</summary>
    public PolicyMode Mode { get; init; } = PolicyMode.Enforce;

    /// <summary>The highest severity allowed to run; worse findings block. Default MEDIUM. UNKNOWN severity never blocks.</summary>
    public Severity MaxSeverity { get; init; } = Severity.Medium;

    /// <summary>Whether findings without a published fix are ignored. Default false.</summary>
    public bool IgnoreUnfixed { get; init; }

    /// <summary>Ids accepted by the policy.</summary>
    public IReadOnlyList<AllowedVulnerability> Allow { get; init; } = [];

    /// <summary>Time given after an advisory's publication before it blocks; null for none.</summary>
    public GracePeriod? GracePeriod { get; init; }

    /// <summary>A scan report older than this counts as no report (the image is then unknown); null trusts any age.</summary>
    public TimeSpan? MaxReportAge { get; init; }

    /// <summary>Workloads not blocked by this policy.</summary>
    public IReadOnlyList<PolicyExemption> Exemptions { get; init; } = [];

    /// <summary>What to do with images without a usable report. Default deny.</summary>
    public UnknownImageAction UnknownImage { get; init; } = UnknownImageAction.Deny;

    /// <summary>Opt-in actions of the controller on running workloads that violate the policy. Default none.</summary>
    public PolicyActions Actions { get; init; } = PolicyActions.None;

    /// <summary>The default policy.</summary>
    public static GatePolicy Default { get; } = new();
}
