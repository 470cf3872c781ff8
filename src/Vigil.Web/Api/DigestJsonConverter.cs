using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Core;

namespace Vigil.Web.Api;

/// <summary>Writes a <see cref="Digest"/> as its string, <c>sha256:…</c>.</summary>
internal sealed class DigestJsonConverter : JsonConverter<Digest>
{
    public override Digest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Digest.TryParse(reader.GetString(), out var digest) ? digest : throw new JsonException("Not an image digest.");

    public override void Write(Utf8JsonWriter writer, Digest value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
