using Vigil.Gates.Actions;

namespace Vigil.Gates.Policy;

/// <summary>
/// What the controller does to running workloads that violate the policy: nothing unless actions are listed, and then
/// only a dry run (an Event saying what would happen) unless <see cref="DryRun"/> is switched off.
/// </summary>
public sealed record PolicyActions
{
    /// <summary>The actions to take, in order. Empty by default: actions are opt-in.</summary>
    public IReadOnlyList<WorkloadActionKind> Enable { get; init; } = [];

    /// <summary>Only record what would be done. Default true.</summary>
    public bool DryRun { get; init; } = true;

    /// <summary>Namespaces never acted on. Default kube-system.</summary>
    public IReadOnlyList<string> ProtectedNamespaces { get; init; } = ["kube-system"];

    /// <summary>No actions.</summary>
    public static PolicyActions None { get; } = new();
}
