using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Vigil.Gates.Admission;

/// <summary>
/// Reads an <c>AdmissionReview</c> (v1, and v1beta1 which has the same shape) and finds the pod spec of Pods and of the
/// pod templates of Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Jobs and CronJobs.
/// </summary>
public static class AdmissionReviewParser
{
    /// <summary>The API server sends at most 3 MiB; anything larger is not from it.</summary>
    public const int MaxBodyBytes = 3 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 128 };

    /// <summary>Parses a review; false with a reason (never containing the body) when it is not one.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out AdmissionRequest? request, out string error)
    {
        request = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            error = "the body is not JSON";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || Text(root, "kind") != "AdmissionReview"
                || Text(root, "apiVersion") is not ("admission.k8s.io/v1" or "admission.k8s.io/v1beta1"))
            {
                error = "the body is not an AdmissionReview of admission.k8s.io/v1";
                return false;
            }

            if (!root.TryGetProperty("request", out var req) || req.ValueKind != JsonValueKind.Object)
            {
                error = "the AdmissionReview has no request";
                return false;
            }

            var uid = Text(req, "uid");
            var kind = req.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.Object ? Text(k, "kind") : null;
            var operation = Text(req, "operation");
            if (string.IsNullOrEmpty(uid) || string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(operation))
            {
                error = "the request lacks uid, kind or operation";
                return false;
            }

            request = new AdmissionRequest(Text(root, "apiVersion")!, uid, kind, operation)
            {
                Namespace = Text(req, "namespace"),
                Name = Text(req, "name"),
            };

            if (!req.TryGetProperty("object", out var obj) || obj.ValueKind == JsonValueKind.Null)
            {
                error = string.Empty;
                return true;
            }

            if (obj.ValueKind != JsonValueKind.Object)
            {
                request = null;
                error = "the request object is not a JSON object";
                return false;
            }

            if (!TryFindPodTemplate(kind, obj, out var podMetadata, out var podSpec))
            {
                error = string.Empty;
                return true;
            }

            if (podSpec.ValueKind != JsonValueKind.Object)
            {
                request = null;
                error = $"the {kind} has no pod spec";
                return false;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            AddLabels(Get(obj, "metadata"), labels);
            AddLabels(podMetadata, labels);
            var images = new List<ContainerImage>();
            foreach (var list in new[] { "initContainers", "containers", "ephemeralContainers" })
            {
                if (!podSpec.TryGetProperty(list, out var containers) || containers.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var container in containers.EnumerateArray())
                {
                    if (container.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    // A container without an image is invalid and the API server rejects it; an empty one stays visible as unknown.
                    images.Add(new ContainerImage(Text(container, "name") ?? "?", Text(container, "image") ?? string.Empty, list));
                }
            }

            request = request with { Labels = labels, Images = images, HasPodSpec = true };
            error = string.Empty;
            return true;
        }
    }

    private static bool TryFindPodTemplate(string kind, JsonElement obj, out JsonElement metadata, out JsonElement spec)
    {
        metadata = default;
        spec = default;
        JsonElement template;
        switch (kind)
        {
            case "Pod":
                metadata = Get(obj, "metadata");
                spec = Get(obj, "spec");
                return true;
            case "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "Job":
                template = Get(Get(obj, "spec"), "template");
                break;
            case "CronJob":
                template = Get(Get(Get(Get(obj, "spec"), "jobTemplate"), "spec"), "template");
                break;
            default:
                return false;
        }

        metadata = Get(template, "metadata");
        spec = Get(template, "spec");
        return true;
    }

    private static void AddLabels(JsonElement metadata, Dictionary<string, string> labels)
    {
        if (Get(metadata, "labels") is { ValueKind: JsonValueKind.Object } map)
        {
            foreach (var label in map.EnumerateObject())
            {
                if (label.Value.ValueKind == JsonValueKind.String)
                {
                    labels[label.Name] = label.Value.GetString()!;
                }
            }
        }
    }

    private static JsonElement Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string? Text(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
