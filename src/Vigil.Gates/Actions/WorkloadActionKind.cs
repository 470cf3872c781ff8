namespace Vigil.Gates.Actions;

/// <summary>What may be done to a running workload found vulnerable. Every action is opt-in.</summary>
public enum WorkloadActionKind
{
    /// <summary>Add an annotation naming the findings (harmless; for people and tools).</summary>
    Annotate = 0,

    /// <summary>Add a label (lets NetworkPolicies or other controllers isolate the workload).</summary>
    Label = 1,

    /// <summary>Scale a Deployment or StatefulSet to zero replicas (the previous count is kept in an annotation).</summary>
    ScaleToZero = 2,

    /// <summary>Delete the workload's pods (their controller recreates them, pulling a fixed image if the tag moved).</summary>
    DeletePods = 3,
}
