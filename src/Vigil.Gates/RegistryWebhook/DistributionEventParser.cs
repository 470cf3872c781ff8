using System.Text.Json;
using Vigil.Core;

namespace Vigil.Gates.RegistryWebhook;

/// <summary>
/// Reads the CNCF Distribution notification envelope (<c>application/vnd.docker.distribution.events.v1+json</c>):
/// <c>{"events":[{"id","action","target":{"mediaType","digest","repository","tag"},"request":{"host"}}]}</c>.
/// </summary>
/// <remarks>ACR sends the same event object on its own, without the envelope; <see cref="AcrEventParser"/> reuses this.</remarks>
public static class DistributionEventParser
{
    /// <summary>The media type Distribution sends its envelopes with.</summary>
    public const string EnvelopeMediaType = "application/vnd.docker.distribution.events.v1+json";

    /// <summary>Parses an envelope; pushes of manifests become events, everything else is skipped.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="fallbackRegistry">The registry host to use when an event lacks <c>request.host</c>.</param>
    public static PushEventParseResult Parse(ReadOnlyMemory<byte> body, string? fallbackRegistry)
    {
        return WebhookJson.Parse(body, root =>
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                return PushEventParseResult.Malformed("expected an object with an 'events' array");
            }

            var result = new List<PushEvent>();
            var skipped = 0;
            foreach (var item in events.EnumerateArray())
            {
                var (pushEvent, error) = ReadEvent(item, PushEventSource.Distribution, ["push"], fallbackRegistry);
                if (error is not null)
                {
                    return PushEventParseResult.Malformed(error);
                }

                if (pushEvent is null)
                {
                    skipped++;
                }
                else
                {
                    result.Add(pushEvent);
                }
            }

            return new PushEventParseResult(result, null, skipped);
        });
    }

    /// <summary>Reads one event object; (null, null) when it is valid but not a manifest push.</summary>
    internal static (PushEvent? Event, string? Error) ReadEvent(JsonElement item, PushEventSource source, string[] actions, string? fallbackRegistry)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, "an event is not an object");
        }

        var action = WebhookJson.Text(item, "action");
        var target = WebhookJson.Get(item, "target");
        if (action is null || target.ValueKind != JsonValueKind.Object)
        {
            return (null, "an event lacks 'action' or 'target'");
        }

        var mediaType = WebhookJson.Text(target, "mediaType");
        if (!actions.Contains(action, StringComparer.Ordinal) || !ManifestMediaTypes.IsManifest(mediaType))
        {
            return (null, null);
        }

        var repository = WebhookJson.Text(target, "repository");
        if (string.IsNullOrEmpty(repository) || !Digest.TryParse(WebhookJson.Text(target, "digest"), out var digest))
        {
            return (null, "a push event lacks a repository or a valid digest");
        }

        var registry = WebhookJson.Text(WebhookJson.Get(item, "request"), "host") ?? fallbackRegistry;
        if (string.IsNullOrEmpty(registry))
        {
            return (null, "a push event lacks request.host and no registry is configured");
        }

        var tag = WebhookJson.Text(target, "tag");
        var id = WebhookJson.Text(item, "id");

        // Distribution redelivers with the same event id; without one, the push itself is the identity.
        var key = id is null
            ? $"{source}:{registry}/{repository}@{digest}:{tag}".ToLowerInvariant()
            : $"{source}:{id}".ToLowerInvariant();
        return (new PushEvent(source, key, registry, repository, digest) { Tag = string.IsNullOrEmpty(tag) ? null : tag, MediaType = mediaType }, null);
    }
}
