using k8s;
using k8s.Models;
using Vigil.Kubernetes.Entities;
using Vigil.Testing;

namespace Vigil.Kubernetes.Tests.Entities;

public sealed class VigilPolicyCrdTests
{
    private static readonly string CommittedPath = Path.Combine(RepositoryPaths.RepositoryRoot, "deploy", "crds", "vigilpolicies.vigil.dev.yaml");

    [Fact]
    public void Committed_CRD_equals_the_generated_one()
    {
        var generated = CrdGenerator.VigilPolicyYaml();
        if (Environment.GetEnvironmentVariable("VIGIL_UPDATE_CRDS") == "1")
        {
            File.WriteAllText(CommittedPath, generated);
        }

        Assert.True(File.Exists(CommittedPath), $"{CommittedPath} is missing: run this test with VIGIL_UPDATE_CRDS=1");
        Assert.Equal(generated, File.ReadAllText(CommittedPath));
    }

    [Fact]
    public void Schema_has_every_policy_key_with_its_type()
    {
        var crd = CrdGenerator.VigilPolicy();
        var version = Assert.Single(crd.Spec.Versions);
        var spec = version.Schema.OpenAPIV3Schema.Properties["spec"];

        Assert.Equal("Cluster", crd.Spec.Scope);
        Assert.Equal(
            ["mode", "maxSeverity", "ignoreUnfixed", "allow", "gracePeriod", "maxReportAge", "exemptions", "unknownImage", "actions"],
            spec.Properties.Keys);
        Assert.Equal("boolean", spec.Properties["ignoreUnfixed"].Type);
        Assert.Equal("array", spec.Properties["allow"].Type);
        Assert.Equal("string", Items(spec.Properties["allow"]).Properties["id"].Type);
        Assert.Equal("string", spec.Properties["gracePeriod"].Properties["stillBlock"].Type);
        var labels = Items(spec.Properties["exemptions"]).Properties["labels"];
        Assert.Equal("object", labels.Type);
        Assert.Equal("string", Assert.IsType<V1JSONSchemaProps>(labels.AdditionalProperties).Type);
        Assert.Equal("string", Items(spec.Properties["actions"].Properties["enable"]).Type);
        Assert.Null(spec.Required);
    }

    [Fact]
    public void A_policy_object_round_trips_through_the_client_serializer()
    {
        var entity = new V1Alpha1VigilPolicy
        {
            Metadata = new V1ObjectMeta { Name = "default" },
            Spec = new VigilPolicySpec
            {
                Mode = "audit",
                Exemptions = [new VigilPolicyExemptionSpec { Labels = new Dictionary<string, string> { ["app"] = "dns" } }],
                Actions = new VigilPolicyActionsSpec { Enable = ["annotate"], DryRun = false },
            },
        };

        var json = KubernetesJson.Serialize(entity);
        var back = KubernetesJson.Deserialize<V1Alpha1VigilPolicy>(json);

        Assert.Contains("\"kind\":\"VigilPolicy\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dryRun\":false", json, StringComparison.Ordinal);
        Assert.Equal("dns", back.Spec.Exemptions![0].Labels!["app"]);
        Assert.Equal(["annotate"], back.Spec.Actions!.Enable);
    }

    private static V1JSONSchemaProps Items(V1JSONSchemaProps array) => Assert.IsType<V1JSONSchemaProps>(array.Items);
}
