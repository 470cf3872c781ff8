namespace Vigil.Gates.Policy;

/// <summary>A policy fixed at start-up (read from a file by the command that starts the gate).</summary>
public sealed class StaticPolicySource(GatePolicy policy) : IPolicySource
{
    /// <inheritdoc/>
    public GatePolicy Current { get; } = policy;
}
