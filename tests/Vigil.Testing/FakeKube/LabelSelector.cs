using System.Text.Json.Nodes;

namespace Vigil.Testing.FakeKube;

/// <summary>
/// A parsed label selector in the URL syntax: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>,
/// <c>a notin (x)</c>, <c>a</c>, <c>!a</c>, joined by commas (all must hold).
/// </summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements = [];

    public static LabelSelector Everything { get; } = new();

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }

        foreach (var term in SplitTerms(text))
        {
            selector._requirements.Add(ParseTerm(term.Trim()));
        }

        return selector;
    }

    public bool Matches(JsonObject obj)
    {
        if (_requirements.Count == 0)
        {
            return true;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = value?.GetValue<string>() ?? string.Empty;
            }
        }

        return _requirements.All(r => r(labels));
    }

    // Commas separate terms except inside the parentheses of a set.
    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseTerm(string term)
    {
        if (term.Length == 0)
        {
            throw ApiError.BadRequest("unable to parse requirement: empty label selector term");
        }

        var words = term.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 2 && (words[1].StartsWith("in ", StringComparison.Ordinal) || words[1].StartsWith("in(", StringComparison.Ordinal)
            || words[1].StartsWith("notin", StringComparison.Ordinal)))
        {
            var negate = words[1].StartsWith("notin", StringComparison.Ordinal);
            var open = words[1].IndexOf('(', StringComparison.Ordinal);
            var close = words[1].LastIndexOf(')');
            if (open < 0 || close < open)
            {
                throw ApiError.BadRequest($"unable to parse requirement: '{term}': expected a set in parentheses");
            }

            var set = words[1][(open + 1)..close].Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var key = words[0];
            return negate
                ? labels => !labels.TryGetValue(key, out var v) || !set.Contains(v)
                : labels => labels.TryGetValue(key, out var v) && set.Contains(v);
        }

        if (term.Contains("!=", StringComparison.Ordinal))
        {
            var (key, value) = SplitPair(term, "!=");
            return labels => !labels.TryGetValue(key, out var v) || v != value;
        }

        if (term.Contains('=', StringComparison.Ordinal))
        {
            var (key, value) = SplitPair(term, term.Contains("==", StringComparison.Ordinal) ? "==" : "=");
            return labels => labels.TryGetValue(key, out var v) && v == value;
        }

        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            return labels => !labels.ContainsKey(key);
        }

        return labels => labels.ContainsKey(term);
    }

    private static (string Key, string Value) SplitPair(string term, string op)
    {
        var at = term.IndexOf(op, StringComparison.Ordinal);
        var key = term[..at].Trim();
        if (key.Length == 0)
        {
            throw ApiError.BadRequest($"unable to parse requirement: '{term}': empty key");
        }

        return (key, term[(at + op.Length)..].Trim());
    }
}
