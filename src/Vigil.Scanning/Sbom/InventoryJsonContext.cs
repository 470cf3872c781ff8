using System.Text.Json.Serialization;

namespace Vigil.Scanning.Sbom;

/// <summary>Source-generated serialization of <see cref="InventoryDocument"/>: camelCase, nulls left out, compact.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(InventoryDocument))]
internal sealed partial class InventoryJsonContext : JsonSerializerContext;
