using System.Text;
using System.Text.Json.Nodes;
using Vigil.VulnDb.Osv;

namespace Vigil.VulnDb.Tests;

/// <summary>Writes small hand-made OSV records for tests.</summary>
internal static class OsvJson
{
    public static string Record(string id, string ecosystem, string package, string rangeType = "ECOSYSTEM", string[]? events = null, string[]? versions = null, string? modified = "2024-01-01T00:00:00Z", string[]? aliases = null, string? withdrawn = null)
    {
        var record = new JsonObject
        {
            ["id"] = id,
            ["modified"] = modified,
            ["aliases"] = new JsonArray((aliases ?? []).Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["affected"] = new JsonArray(Affected(ecosystem, package, rangeType, events ?? ["introduced:0", "fixed:1.0.0"], versions)),
        };
        if (withdrawn is not null)
        {
            record["withdrawn"] = withdrawn;
        }

        return record.ToJsonString();
    }

    public static JsonObject Affected(string ecosystem, string package, string rangeType, string[] events, string[]? versions = null)
    {
        var affected = new JsonObject
        {
            ["package"] = new JsonObject { ["ecosystem"] = ecosystem, ["name"] = package },
            ["ranges"] = new JsonArray(new JsonObject
            {
                ["type"] = rangeType,
                ["events"] = new JsonArray(events.Select(e =>
                {
                    var colon = e.IndexOf(':', StringComparison.Ordinal);
                    return (JsonNode)new JsonObject { [e[..colon]] = e[(colon + 1)..] };
                }).ToArray()),
            }),
        };
        if (versions is not null)
        {
            affected["versions"] = new JsonArray(versions.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        return affected;
    }

    public static OsvDocument Document(string json, string origin = "test") => new(origin, Encoding.UTF8.GetBytes(json));

    public static async IAsyncEnumerable<OsvDocument> Documents(params string[] jsons)
    {
        foreach (var json in jsons)
        {
            await Task.Yield();
            yield return Document(json);
        }
    }
}
