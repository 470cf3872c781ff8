using System.ComponentModel;
using System.Reflection;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Vigil.Kubernetes.Entities;

/// <summary>
/// Builds CustomResourceDefinitions from the C# entity types, so the schema in <c>deploy/</c> is generated, never
/// edited by hand. Properties come from <see cref="JsonPropertyNameAttribute"/>, descriptions from
/// <see cref="DescriptionAttribute"/>, required-ness from nullability.
/// </summary>
public static class CrdGenerator
{
    private const string Header = "# Generated from src/Vigil.Kubernetes/Entities by CrdGenerator: do not edit; run the CRD test with VIGIL_UPDATE_CRDS=1.\n";
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>The CRD of <see cref="V1Alpha1VulnerabilityReport"/>.</summary>
    public static V1CustomResourceDefinition VulnerabilityReport() => Definition(
        typeof(V1Alpha1VulnerabilityReport),
        V1Alpha1VulnerabilityReport.Group,
        V1Alpha1VulnerabilityReport.Version,
        V1Alpha1VulnerabilityReport.EntityKind,
        V1Alpha1VulnerabilityReport.Plural,
        "vulnerabilityreport",
        "Namespaced",
        ["vulns", "vr"],
        [
            Column("Workload", "string", ".spec.workload.name"),
            Column("Kind", "string", ".spec.workload.kind", priority: 1),
            Column("Container", "string", ".spec.container"),
            Column("Repository", "string", ".spec.repository"),
            Column("Critical", "integer", ".report.summary.critical"),
            Column("High", "integer", ".report.summary.high"),
            Column("Medium", "integer", ".report.summary.medium", priority: 1),
            Column("Low", "integer", ".report.summary.low", priority: 1),
            Column("Fixable", "integer", ".report.fixable.total"),
            Column("Matched", "date", ".report.matchedAt"),
        ]);

    /// <summary>The CRD as YAML, exactly as committed in <c>deploy/crds/</c>.</summary>
    public static string VulnerabilityReportYaml() => Header + KubernetesYaml.Serialize(VulnerabilityReport());

    /// <summary>The CRD of <see cref="V1Alpha1VigilPolicy"/> (cluster-scoped: one policy set for the whole cluster).</summary>
    public static V1CustomResourceDefinition VigilPolicy() => Definition(
        typeof(V1Alpha1VigilPolicy),
        V1Alpha1VigilPolicy.Group,
        V1Alpha1VigilPolicy.Version,
        V1Alpha1VigilPolicy.KindText,
        V1Alpha1VigilPolicy.Plural,
        "vigilpolicy",
        "Cluster",
        ["vpol"],
        [
            Column("Mode", "string", ".spec.mode"),
            Column("MaxSeverity", "string", ".spec.maxSeverity"),
            Column("UnknownImage", "string", ".spec.unknownImage", priority: 1),
        ]);

    /// <summary>The VigilPolicy CRD as YAML, exactly as committed in <c>deploy/crds/</c>.</summary>
    public static string VigilPolicyYaml() => Header + KubernetesYaml.Serialize(VigilPolicy());

    /// <summary>One served and stored version, its schema generated from <paramref name="entity"/>.</summary>
    private static V1CustomResourceDefinition Definition(
        Type entity,
        string group,
        string version,
        string kind,
        string plural,
        string singular,
        string scope,
        List<string> shortNames,
        List<V1CustomResourceColumnDefinition> columns) => new()
        {
            ApiVersion = "apiextensions.k8s.io/v1",
            Kind = "CustomResourceDefinition",
            Metadata = new V1ObjectMeta { Name = $"{plural}.{group}" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = group,
                Scope = scope,
                Names = new V1CustomResourceDefinitionNames
                {
                    Kind = kind,
                    ListKind = kind + "List",
                    Plural = plural,
                    Singular = singular,
                    ShortNames = shortNames,
                    Categories = ["vigil"],
                },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = version,
                        Served = true,
                        Storage = true,
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = ObjectSchema(entity, root: true) },
                        AdditionalPrinterColumns = columns,
                    },
                ],
            },
        };

    private static V1CustomResourceColumnDefinition Column(string name, string type, string path, int? priority = null) =>
        new() { Name = name, Type = type, JsonPath = path, Priority = priority };

    private static V1JSONSchemaProps ObjectSchema(Type type, bool root = false)
    {
        var properties = new Dictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal);
        var required = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is not { } json)
            {
                continue;
            }

            var schema = json.Name is "apiVersion" or "kind" ? new V1JSONSchemaProps { Type = "string" }
                : property.PropertyType == typeof(V1ObjectMeta) ? new V1JSONSchemaProps { Type = "object" }
                : Schema(property.PropertyType);
            schema.Description ??= property.GetCustomAttribute<DescriptionAttribute>()?.Description;
            properties[json.Name] = schema;
            var nullable = Nullability.Create(property).ReadState == NullabilityState.Nullable;
            if (!nullable && json.Name is not ("apiVersion" or "kind" or "metadata") && !root)
            {
                required.Add(json.Name);
            }

            if (nullable)
            {
                schema.Nullable = true;
            }
        }

        return new V1JSONSchemaProps
        {
            Type = "object",
            Description = type.GetCustomAttribute<DescriptionAttribute>()?.Description,
            Properties = properties,
            Required = required.Count > 0 ? required : null,
        };
    }

    private static V1JSONSchemaProps Schema(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return new V1JSONSchemaProps { Type = "string" };
        }

        if (type == typeof(int))
        {
            return new V1JSONSchemaProps { Type = "integer", Format = "int32", Minimum = 0 };
        }

        if (type == typeof(long))
        {
            return new V1JSONSchemaProps { Type = "integer", Format = "int64" };
        }

        if (type == typeof(bool))
        {
            return new V1JSONSchemaProps { Type = "boolean" };
        }

        if (type == typeof(double))
        {
            return new V1JSONSchemaProps { Type = "number" };
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return new V1JSONSchemaProps { Type = "string", Format = "date-time" };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var items = Schema(type.GetGenericArguments()[0]);
            return new V1JSONSchemaProps { Type = "array", Items = items, MaxItems = type.GetGenericArguments()[0] == typeof(TopFinding) ? 10 : null };
        }

        if (type == typeof(Dictionary<string, string>))
        {
            return new V1JSONSchemaProps { Type = "object", AdditionalProperties = new V1JSONSchemaProps { Type = "string" } };
        }

        if (type.IsClass)
        {
            return ObjectSchema(type);
        }

        throw new NotSupportedException($"No schema mapping for {type}.");
    }
}
