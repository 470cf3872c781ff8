using System.Text.Json;

namespace Vigil.Analyzers;

/// <summary>Parses a JSON document that must be an object, turning syntax errors into <see cref="InvalidDataException"/>.</summary>
internal static class JsonParsing
{
    public static async Task<JsonDocument> ParseObjectAsync(Stream stream, string what, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, Json.DocumentOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{what} is not valid JSON: {ex.Message}", ex);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new InvalidDataException($"{what} is not a JSON object");
        }

        return document;
    }
}
