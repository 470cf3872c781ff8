namespace Vigil.Gates.Actions;

/// <summary>What an action did.</summary>
/// <param name="Applied">Whether the cluster was changed.</param>
/// <param name="Message">What was (or, in dry run or when refused, would have been) done.</param>
public sealed record WorkloadActionResult(bool Applied, string Message);
