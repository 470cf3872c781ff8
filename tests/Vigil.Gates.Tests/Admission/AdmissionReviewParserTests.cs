using System.Text;
using Vigil.Gates.Admission;

namespace Vigil.Gates.Tests.Admission;

public sealed class AdmissionReviewParserTests
{
    private static readonly string TestData = Path.Combine(AppContext.BaseDirectory, "Admission", "testdata");

    [Fact]
    public void Deployment_template_images_and_labels_are_found()
    {
        var ok = AdmissionReviewParser.TryParse(File.ReadAllBytes(Path.Combine(TestData, "deployment-create.json")), out var request, out _);

        Assert.True(ok);
        Assert.Equal("Deployment", request!.Kind);
        Assert.Equal("shop", request.Namespace);
        Assert.Equal(["migrate", "api"], request.Images.Select(i => i.Container));
        Assert.Equal(["initContainers", "containers"], request.Images.Select(i => i.Kind));
        Assert.Equal("payments", request.Labels["team"]);
    }

    [Fact]
    public void CronJob_job_template_images_are_found()
    {
        var ok = AdmissionReviewParser.TryParse(File.ReadAllBytes(Path.Combine(TestData, "cronjob-create.json")), out var request, out _);

        Assert.True(ok);
        Assert.Equal("registry.example.com/batch/report:2.1", Assert.Single(request!.Images).Image);
        Assert.Equal("report", request.Labels["job"]);
        Assert.Equal("UPDATE", request.Operation);
    }

    [Theory]
    [InlineData("StatefulSet")]
    [InlineData("DaemonSet")]
    [InlineData("ReplicaSet")]
    [InlineData("Job")]
    public void Other_workload_kinds_use_spec_template(string kind)
    {
        var json = """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"KIND"},"operation":"CREATE","object":{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox:1.36"}]}}}}}}""".Replace("KIND", kind, StringComparison.Ordinal);

        Assert.True(AdmissionReviewParser.TryParse(Encoding.UTF8.GetBytes(json), out var request, out _));
        Assert.Equal("busybox:1.36", Assert.Single(request!.Images).Image);
    }

    [Fact]
    public void Kinds_without_pod_spec_are_accepted_and_carry_no_images()
    {
        var json = """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"ConfigMap"},"operation":"CREATE","object":{"data":{"a":"b"}}}}""";

        Assert.True(AdmissionReviewParser.TryParse(Encoding.UTF8.GetBytes(json), out var request, out _));
        Assert.False(request!.HasPodSpec);
        Assert.Empty(request.Images);
    }

    [Fact]
    public void Containers_that_are_not_objects_are_skipped()
    {
        var json = """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"kind":"Pod"},"operation":"CREATE","object":{"metadata":{"labels":{"n":1}},"spec":{"containers":[1,"x",{"name":"ok","image":"nginx"}]}}}}""";

        Assert.True(AdmissionReviewParser.TryParse(Encoding.UTF8.GetBytes(json), out var request, out _));
        Assert.Equal("nginx", Assert.Single(request!.Images).Image);
        Assert.Empty(request.Labels);
    }
}
