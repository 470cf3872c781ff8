using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Gates.Policy;

/// <summary>The spec of a <see cref="V1Alpha1VigilPolicy"/>: the keys of a policy file, unvalidated.</summary>
public sealed class VigilPolicySpec
{
    internal static readonly JsonSerializerOptions SerializerOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    /// <summary><c>enforce</c> or <c>audit</c>.</summary>
    public string? Mode { get; set; }

    /// <summary><c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</summary>
    public string? MaxSeverity { get; set; }

    /// <summary>Ignore findings without a fix.</summary>
    public bool? IgnoreUnfixed { get; set; }

    /// <summary>Accepted ids.</summary>
    public IList<VigilPolicyAllowSpec>? Allow { get; init; }

    /// <summary>Grace period after publication.</summary>
    public VigilPolicyGracePeriodSpec? GracePeriod { get; set; }

    /// <summary>Maximum report age (<c>24h</c>).</summary>
    public string? MaxReportAge { get; set; }

    /// <summary>Exempted workloads.</summary>
    public IList<VigilPolicyExemptionSpec>? Exemptions { get; init; }

    /// <summary><c>allow</c> or <c>deny</c>.</summary>
    public string? UnknownImage { get; set; }
}
