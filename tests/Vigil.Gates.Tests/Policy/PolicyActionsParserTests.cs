using Vigil.Gates.Actions;
using Vigil.Gates.Policy;

namespace Vigil.Gates.Tests.Policy;

public sealed class PolicyActionsParserTests
{
    [Fact]
    public void Actions_are_none_by_default_and_dry_run_when_enabled()
    {
        var none = PolicyParser.Parse("maxSeverity: high\n");
        var enabled = PolicyParser.Parse("actions:\n  enable: [annotate, scaleToZero, annotate]\n");

        Assert.Empty(none.Policy!.Actions.Enable);
        Assert.Equal([WorkloadActionKind.Annotate, WorkloadActionKind.ScaleToZero], enabled.Policy!.Actions.Enable);
        Assert.True(enabled.Policy.Actions.DryRun);
        Assert.Equal(["kube-system"], enabled.Policy.Actions.ProtectedNamespaces);
    }

    [Fact]
    public void Live_actions_and_protected_namespaces_are_read()
    {
        var result = PolicyParser.Parse("actions:\n  enable: [deletePods, label]\n  dryRun: false\n  protectedNamespaces: [kube-system, vigil-system]\n");

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal([WorkloadActionKind.DeletePods, WorkloadActionKind.Label], result.Policy!.Actions.Enable);
        Assert.False(result.Policy.Actions.DryRun);
        Assert.Equal(["kube-system", "vigil-system"], result.Policy.Actions.ProtectedNamespaces);
    }

    [Fact]
    public void Unknown_action_and_key_are_errors_with_position()
    {
        var result = PolicyParser.Parse("actions:\n  enable: [annotate, evict]\n  dryrun: false\n");

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Message == "action 'evict' is not known: expected annotate, label, scaleToZero or deletePods." && e.Line == 2);
        Assert.Contains(result.Errors, e => e.Message.Contains("Unknown key 'dryrun' (did you mean 'dryRun'?)", StringComparison.Ordinal) && e.Line == 3);
    }
}
