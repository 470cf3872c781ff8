using System.Text.Json;

namespace Vigil.Gates.RegistryWebhook;

/// <summary>
/// Reads an Azure Container Registry webhook: one event object (no envelope) with action <c>push</c> or, when the
/// registry quarantines new images, <c>quarantine</c>.
/// </summary>
public static class AcrEventParser
{
    /// <summary>Parses one ACR event.</summary>
    public static PushEventParseResult Parse(ReadOnlyMemory<byte> body, string? fallbackRegistry)
    {
        return WebhookJson.Parse(body, root =>
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return PushEventParseResult.Malformed("expected an event object");
            }

            var (pushEvent, error) = DistributionEventParser.ReadEvent(root, PushEventSource.Acr, ["push", "quarantine"], fallbackRegistry);
            if (error is not null)
            {
                return PushEventParseResult.Malformed(error);
            }

            return pushEvent is null ? new PushEventParseResult([], null, 1) : new PushEventParseResult([pushEvent], null, 0);
        });
    }
}
