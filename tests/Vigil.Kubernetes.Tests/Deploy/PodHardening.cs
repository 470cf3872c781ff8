using k8s.Models;

namespace Vigil.Kubernetes.Tests.Deploy;

/// <summary>What every Vigil pod must be, however it is rendered (kustomize base, Helm chart).</summary>
internal static class PodHardening
{
    /// <summary>Non-root, read-only root file system, no privilege escalation, every capability dropped.</summary>
    public static void AssertHardened(V1PodSpec pod, V1Container container)
    {
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.NotEqual(0, pod.SecurityContext.RunAsUser);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
    }
}
