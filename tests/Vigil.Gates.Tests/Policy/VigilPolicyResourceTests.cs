using System.Text.Json;
using k8s;
using Vigil.Core;
using Vigil.Gates.Policy;
using Vigil.Kubernetes.Entities;

namespace Vigil.Gates.Tests.Policy;

public sealed class VigilPolicyResourceTests
{
    [Fact]
    public void Resource_json_round_trips_through_the_kubernetes_serializer_into_a_policy()
    {
        const string json = """
            {
              "apiVersion": "vigil.dev/v1alpha1",
              "kind": "VigilPolicy",
              "metadata": { "name": "default", "namespace": "vigil-system" },
              "spec": {
                "mode": "audit",
                "maxSeverity": "high",
                "gracePeriod": { "duration": "48h", "stillBlock": "critical" },
                "allow": [ { "id": "CVE-2024-1", "expires": "2026-12-31" } ],
                "exemptions": [ { "namespace": "kube-system", "labels": { "app": "dns" } } ]
              }
            }
            """;

        var resource = KubernetesJson.Deserialize<V1Alpha1VigilPolicy>(json);
        var result = resource.ToPolicy();

        Assert.Equal("default", resource.Metadata.Name);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(PolicyMode.Audit, result.Policy.Mode);
        Assert.Equal(Severity.High, result.Policy.MaxSeverity);
        Assert.Equal(TimeSpan.FromHours(48), result.Policy.GracePeriod!.Duration);
        Assert.Equal("dns", result.Policy.Exemptions[0].Labels["app"]);
    }

    [Fact]
    public void Invalid_spec_reports_errors_like_a_file()
    {
        var resource = new V1Alpha1VigilPolicy { Spec = new VigilPolicySpec { MaxSeverity = "urgent" } };

        var result = resource.ToPolicy();

        Assert.Contains("maxSeverity 'urgent' is not a severity", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("\"maxSeverity\"", JsonSerializer.Serialize(resource.Spec, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }), StringComparison.Ordinal);
    }
}
