using System.Text.Json.Serialization;

namespace Vigil.Scanning.Results;

/// <summary>Source-generated JSON for the store's list and map columns.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ResultStoreJsonContext : JsonSerializerContext
{
}
