using System.Text.Json.Nodes;

namespace Vigil.Testing.FakeKube;

/// <summary>
/// A parsed field selector: <c>path=value</c>, <c>path==value</c> or <c>path!=value</c> joined by commas, where the
/// path is a dotted JSON path such as <c>metadata.name</c>, <c>spec.nodeName</c> or <c>status.phase</c>.
/// </summary>
internal sealed class FieldSelector
{
    private readonly List<(string[] Path, string Value, bool Negate)> _terms = [];

    public static FieldSelector Parse(string? text)
    {
        var selector = new FieldSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }

        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var negate = raw.Contains("!=", StringComparison.Ordinal);
            var op = negate ? "!=" : raw.Contains("==", StringComparison.Ordinal) ? "==" : "=";
            var at = raw.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                throw ApiError.BadRequest($"invalid selector: '{raw}'; can't understand '{raw}'");
            }

            selector._terms.Add((raw[..at].Split('.'), raw[(at + op.Length)..], negate));
        }

        return selector;
    }

    public bool Matches(JsonObject obj)
    {
        foreach (var (path, value, negate) in _terms)
        {
            JsonNode? node = obj;
            foreach (var part in path)
            {
                node = node is JsonObject o ? o[part] : null;
            }

            var actual = node is JsonValue v ? v.ToString() : string.Empty;
            if ((actual == value) == negate)
            {
                return false;
            }
        }

        return true;
    }
}
