using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Vigil.Kubernetes.Entities;

/// <summary>The spec of a <see cref="V1Alpha1VigilPolicy"/>: the keys of a policy file, unvalidated (the gates validate them).</summary>
public sealed class VigilPolicySpec
{
    /// <summary><c>enforce</c> or <c>audit</c>.</summary>
    [JsonPropertyName("mode")]
    [Description("enforce (deny) or audit (warn only). Default enforce.")]
    public string? Mode { get; set; }

    /// <summary><c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</summary>
    [JsonPropertyName("maxSeverity")]
    [Description("The highest severity allowed to run: low, medium, high or critical. Default medium.")]
    public string? MaxSeverity { get; set; }

    /// <summary>Ignore findings without a fix.</summary>
    [JsonPropertyName("ignoreUnfixed")]
    [Description("Ignore findings without a published fix.")]
    public bool? IgnoreUnfixed { get; set; }

    /// <summary>Accepted ids.</summary>
    [JsonPropertyName("allow")]
    [Description("Accepted vulnerability ids, optionally per package and with an expiry date.")]
    public List<VigilPolicyAllowSpec>? Allow { get; set; }

    /// <summary>Grace period after publication.</summary>
    [JsonPropertyName("gracePeriod")]
    [Description("Time given after an advisory is published before it blocks.")]
    public VigilPolicyGracePeriodSpec? GracePeriod { get; set; }

    /// <summary>Maximum report age (<c>24h</c>).</summary>
    [JsonPropertyName("maxReportAge")]
    [Description("A scan older than this counts as no scan (24h, 7d).")]
    public string? MaxReportAge { get; set; }

    /// <summary>Exempted workloads.</summary>
    [JsonPropertyName("exemptions")]
    [Description("Workloads not blocked, by namespace, labels or image pattern, with an expiry date.")]
    public List<VigilPolicyExemptionSpec>? Exemptions { get; set; }

    /// <summary><c>allow</c> or <c>deny</c>.</summary>
    [JsonPropertyName("unknownImage")]
    [Description("allow or deny images without a usable scan that cannot be scanned within the admission budget. Default deny.")]
    public string? UnknownImage { get; set; }

    /// <summary>Actions on running workloads that violate the policy.</summary>
    [JsonPropertyName("actions")]
    [Description("Opt-in actions of the controller on running workloads that violate the policy; dry run by default.")]
    public VigilPolicyActionsSpec? Actions { get; set; }
}
