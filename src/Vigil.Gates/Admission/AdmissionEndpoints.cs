using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Vigil.Gates.Hosting;

namespace Vigil.Gates.Admission;

/// <summary>The webhook's HTTP surface: <c>POST /validate</c> (AdmissionReview in and out) and <c>GET /healthz</c>.</summary>
public static class AdmissionEndpoints
{
    /// <summary>The path the ValidatingWebhookConfiguration points at.</summary>
    public const string ValidatePath = "/validate";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapVigilAdmission(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ValidatePath, HandleAsync);
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, AdmissionReviewer reviewer, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(AdmissionEndpoints));
        var body = await RequestBody.ReadAsync(context.Request, AdmissionReviewParser.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            logger.AdmissionRequestRejected("body too large", context.Request.ContentLength ?? -1);
            return Results.Text("request body too large", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (!AdmissionReviewParser.TryParse(body.Value, out var request, out var error))
        {
            // The reason only: a body may hold secrets from pod specs and must not reach logs.
            logger.AdmissionRequestRejected(error, body.Value.Length);
            return Results.Text("malformed AdmissionReview: " + error, statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = await reviewer.ReviewAsync(request, ParseTimeout(context.Request.Query["timeout"]), context.RequestAborted).ConfigureAwait(false);
        return Results.Json(AdmissionResponseWriter.Write(request, outcome));
    }

    /// <summary>The API server appends <c>?timeout=10s</c> (a Go duration) to webhook calls.</summary>
    internal static TimeSpan? ParseTimeout(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.EndsWith('s') || value.EndsWith("ms", StringComparison.Ordinal))
        {
            return null;
        }

        return double.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 3600
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}
