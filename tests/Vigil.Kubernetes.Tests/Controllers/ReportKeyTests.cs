using Vigil.Core;
using Vigil.Kubernetes.Abstractions;
using Vigil.Kubernetes.Controllers;
using Vigil.Kubernetes.Owners;
using Vigil.Kubernetes.Tests.Support;

namespace Vigil.Kubernetes.Tests.Controllers;

public sealed class ReportKeyTests
{
    [Fact]
    public void Names_are_dns_labels_unique_per_digest_and_bounded()
    {
        var digest = SimulatedCluster.DigestOf("x");
        var longName = new string('a', 300);
        var key = new ReportKey(new WorkloadReference("apps/v1", "Deployment", "ns", "Web_App", "u1"), "Main.Container", "container", new ImageKey(digest, Platform.Default));
        var huge = key with { Workload = key.Workload with { Name = longName } };

        Assert.Equal($"deployment-web-app-main.container-{digest.Short}", key.ResourceName);
        Assert.True(huge.ResourceName.Length <= 253);
        Assert.NotEqual(huge.ResourceName, (huge with { Image = new ImageKey(SimulatedCluster.DigestOf("y"), Platform.Default) }).ResourceName);
        Assert.Matches("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", huge.ResourceName);
    }
}
