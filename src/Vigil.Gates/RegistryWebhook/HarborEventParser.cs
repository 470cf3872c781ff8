using System.Text.Json;
using Vigil.Core;

namespace Vigil.Gates.RegistryWebhook;

/// <summary>
/// Reads a Harbor webhook (<c>{"type":"PUSH_ARTIFACT","event_data":{"resources":[{"digest","tag","resource_url"}],
/// "repository":{"repo_full_name"}}}</c>); other event types are skipped.
/// </summary>
public static class HarborEventParser
{
    /// <summary>Parses one Harbor event.</summary>
    public static PushEventParseResult Parse(ReadOnlyMemory<byte> body, string? fallbackRegistry)
    {
        return WebhookJson.Parse(body, root =>
        {
            if (root.ValueKind != JsonValueKind.Object || WebhookJson.Text(root, "type") is not { } type)
            {
                return PushEventParseResult.Malformed("expected an object with a 'type'");
            }

            if (type != "PUSH_ARTIFACT")
            {
                return new PushEventParseResult([], null, 1);
            }

            var data = WebhookJson.Get(root, "event_data");
            var repository = WebhookJson.Text(WebhookJson.Get(data, "repository"), "repo_full_name");
            var resources = WebhookJson.Get(data, "resources");
            if (string.IsNullOrEmpty(repository) || resources.ValueKind != JsonValueKind.Array)
            {
                return PushEventParseResult.Malformed("a PUSH_ARTIFACT event lacks event_data.repository.repo_full_name or resources");
            }

            var events = new List<PushEvent>();
            foreach (var resource in resources.EnumerateArray())
            {
                if (!Digest.TryParse(WebhookJson.Text(resource, "digest"), out var digest))
                {
                    return PushEventParseResult.Malformed("a resource lacks a valid digest");
                }

                // resource_url is "host/project/repo:tag"; its host is the registry.
                var url = WebhookJson.Text(resource, "resource_url");
                var slash = url?.IndexOf('/', StringComparison.Ordinal) ?? -1;
                var registry = slash > 0 ? url![..slash] : fallbackRegistry;
                if (string.IsNullOrEmpty(registry))
                {
                    return PushEventParseResult.Malformed("a resource lacks resource_url and no registry is configured");
                }

                var tag = WebhookJson.Text(resource, "tag");
                var key = $"harbor:{registry}/{repository}@{digest}:{tag}".ToLowerInvariant();
                events.Add(new PushEvent(PushEventSource.Harbor, key, registry, repository, digest) { Tag = string.IsNullOrEmpty(tag) ? null : tag });
            }

            return new PushEventParseResult(events, null, 0);
        });
    }
}
