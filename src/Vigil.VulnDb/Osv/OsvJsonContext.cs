using System.Text.Json.Serialization;

namespace Vigil.VulnDb.Osv;

/// <summary>Source-generated JSON metadata for OSV records (snake_case, as the schema writes them).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OsvRecord))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class OsvJsonContext : JsonSerializerContext;
