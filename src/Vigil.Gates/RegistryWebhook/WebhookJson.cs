using System.Text.Json;

namespace Vigil.Gates.RegistryWebhook;

/// <summary>Shared JSON reading for webhook bodies: bounded depth, no exceptions for bad input.</summary>
internal static class WebhookJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public static PushEventParseResult Parse(ReadOnlyMemory<byte> body, Func<JsonElement, PushEventParseResult> read)
    {
        try
        {
            using var document = JsonDocument.Parse(body, Options);
            return read(document.RootElement);
        }
        catch (JsonException)
        {
            return PushEventParseResult.Malformed("the body is not JSON");
        }
    }

    public static JsonElement Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static string? Text(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
