namespace Vigil.Gates.Policy;

/// <summary>One exemption in a <see cref="VigilPolicySpec"/>.</summary>
public sealed class VigilPolicyExemptionSpec
{
    /// <summary>Namespace glob.</summary>
    public string? Namespace { get; set; }

    /// <summary>Labels that must all match.</summary>
    public IDictionary<string, string>? Labels { get; init; }

    /// <summary>Image glob.</summary>
    public string? Image { get; set; }

    /// <summary>Why.</summary>
    public string? Reason { get; set; }

    /// <summary>Expiry date.</summary>
    public string? Expires { get; set; }
}
