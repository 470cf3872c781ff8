using System.Text.Json.Serialization;

namespace Vigil.Reporting.Writers.Json;

/// <summary>Source-generated serialization of the json format.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonReportDocument))]
internal sealed partial class JsonReportContext : JsonSerializerContext;
