using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Gates.Hosting;
using Vigil.Gates.Quarantine;

namespace Vigil.Gates.RegistryWebhook;

/// <summary>
/// The push gate's HTTP surface: <c>POST /events/distribution</c>, <c>/events/harbor</c>, <c>/events/acr</c>, and
/// <c>GET /healthz</c>. A call is authenticated before its body is parsed; a stored event is answered 202.
/// </summary>
public static class RegistryWebhookEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapVigilRegistryWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/events/distribution", (HttpContext context, WebhookAuthenticator auth, PushEventIngestor ingestor, IOptions<RegistryWebhookOptions> options, ILoggerFactory loggers) =>
            HandleAsync(context, auth, ingestor, options.Value, loggers, DistributionEventParser.Parse));
        endpoints.MapPost("/events/harbor", (HttpContext context, WebhookAuthenticator auth, PushEventIngestor ingestor, IOptions<RegistryWebhookOptions> options, ILoggerFactory loggers) =>
            HandleAsync(context, auth, ingestor, options.Value, loggers, HarborEventParser.Parse));
        endpoints.MapPost("/events/acr", (HttpContext context, WebhookAuthenticator auth, PushEventIngestor ingestor, IOptions<RegistryWebhookOptions> options, ILoggerFactory loggers) =>
            HandleAsync(context, auth, ingestor, options.Value, loggers, AcrEventParser.Parse));
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        WebhookAuthenticator auth,
        PushEventIngestor ingestor,
        RegistryWebhookOptions options,
        ILoggerFactory loggers,
        Func<ReadOnlyMemory<byte>, string?, PushEventParseResult> parse)
    {
        var logger = loggers.CreateLogger(typeof(RegistryWebhookEndpoints));
        var remote = context.Connection.RemoteIpAddress?.ToString();
        var body = await RequestBody.ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            logger.RegistryWebhookRejected(remote, "body too large", context.Request.ContentLength ?? -1);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // Authenticate first: nothing of an unauthenticated body is parsed or logged.
        if (!auth.IsAuthentic(context.Request.Headers, body.Value.Span))
        {
            logger.RegistryWebhookRejected(remote, "not authenticated", body.Value.Length);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var result = parse(body.Value, options.DefaultRegistry);
        if (!result.IsValid)
        {
            logger.RegistryWebhookRejected(remote, "malformed: " + result.Error, body.Value.Length);
            return Results.Text("malformed event: " + result.Error, statusCode: StatusCodes.Status400BadRequest);
        }

        var added = await ingestor.IngestAsync(result.Events, context.RequestAborted).ConfigureAwait(false);
        return Results.Json(new { received = result.Events.Count, queued = added, skipped = result.Skipped }, statusCode: StatusCodes.Status202Accepted);
    }
}
