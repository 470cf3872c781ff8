using k8s;
using k8s.Models;
using Vigil.Kubernetes.Entities;
using Vigil.Testing;

namespace Vigil.Kubernetes.Tests.Entities;

public sealed class CrdGeneratorTests
{
    private static readonly string CommittedPath = Path.Combine(RepositoryPaths.RepositoryRoot, "deploy", "crds", "vulnerabilityreports.vigil.dev.yaml");

    [Fact]
    public void Committed_CRD_equals_the_generated_one()
    {
        var generated = CrdGenerator.VulnerabilityReportYaml();
        if (Environment.GetEnvironmentVariable("VIGIL_UPDATE_CRDS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedPath)!);
            File.WriteAllText(CommittedPath, generated);
        }

        Assert.True(File.Exists(CommittedPath), $"{CommittedPath} is missing: run this test with VIGIL_UPDATE_CRDS=1");
        Assert.Equal(generated, File.ReadAllText(CommittedPath));
    }

    [Fact]
    public void Schema_covers_every_serialized_property_and_the_printer_columns_point_into_it()
    {
        var crd = CrdGenerator.VulnerabilityReport();
        var version = Assert.Single(crd.Spec.Versions);
        var root = version.Schema.OpenAPIV3Schema;

        Assert.Equal(["apiVersion", "kind", "metadata", "spec", "report"], root.Properties.Keys);
        var report = root.Properties["report"];
        Assert.Equal("integer", report.Properties["summary"].Properties["critical"].Type);
        Assert.Equal("date-time", report.Properties["matchedAt"].Format);
        Assert.True(report.Properties["reportUrl"].Nullable);
        Assert.Contains("databaseVersion", report.Required);
        foreach (var column in version.AdditionalPrinterColumns)
        {
            V1JSONSchemaProps node = root;
            foreach (var part in column.JsonPath.TrimStart('.').Split('.'))
            {
                Assert.True(node.Properties?.ContainsKey(part), $"printer column {column.Name} path {column.JsonPath} is not in the schema");
                node = node.Properties![part];
            }
        }
    }

    [Fact]
    public void An_entity_round_trips_through_the_client_serializer()
    {
        var entity = new V1Alpha1VulnerabilityReport
        {
            Metadata = new V1ObjectMeta { Name = "r" },
            Report = new VulnerabilityReportData { DatabaseVersion = "v1", TopFindings = [new TopFinding { Id = "CVE-1", Severity = "HIGH" }] },
        };

        var json = KubernetesJson.Serialize(entity);
        var back = KubernetesJson.Deserialize<V1Alpha1VulnerabilityReport>(json);

        Assert.Contains("\"apiVersion\":\"vigil.dev/v1alpha1\"", json, StringComparison.Ordinal);
        Assert.Equal("CVE-1", Assert.Single(back.Report.TopFindings).Id);
    }
}
