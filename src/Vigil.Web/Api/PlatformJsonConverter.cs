using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Core;

namespace Vigil.Web.Api;

/// <summary>Writes a <see cref="Platform"/> as its string, <c>linux/amd64</c>.</summary>
internal sealed class PlatformJsonConverter : JsonConverter<Platform>
{
    public override Platform? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return reader.GetString() is { } text ? Platform.Parse(text) : null;
        }
        catch (FormatException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, Platform value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
