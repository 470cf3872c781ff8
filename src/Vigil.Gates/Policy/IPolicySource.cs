using Vigil.Kubernetes.Entities;

namespace Vigil.Gates.Policy;

/// <summary>Where a gate gets the policy in force (a file, a <see cref="V1Alpha1VigilPolicy"/> resource).</summary>
public interface IPolicySource
{
    /// <summary>The policy to apply now.</summary>
    GatePolicy Current { get; }
}
