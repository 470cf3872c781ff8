using System.Text.Json.Nodes;

namespace Vigil.Gates.Admission;

/// <summary>Builds the <c>AdmissionReview</c> response document for an outcome.</summary>
public static class AdmissionResponseWriter
{
    /// <summary>The response review: same apiVersion and uid as the request; status 403 with the message when denied.</summary>
    public static JsonObject Write(AdmissionRequest request, AdmissionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outcome);
        var response = new JsonObject
        {
            ["uid"] = request.Uid,
            ["allowed"] = outcome.Allowed,
        };
        if (!outcome.Allowed)
        {
            response["status"] = new JsonObject
            {
                ["code"] = 403,
                ["reason"] = "Forbidden",
                ["message"] = outcome.Message,
            };
        }

        if (outcome.Warnings.Count > 0)
        {
            response["warnings"] = new JsonArray([.. outcome.Warnings.Select(w => JsonValue.Create(w))]);
        }

        return new JsonObject
        {
            ["apiVersion"] = request.ApiVersion,
            ["kind"] = "AdmissionReview",
            ["response"] = response,
        };
    }
}
