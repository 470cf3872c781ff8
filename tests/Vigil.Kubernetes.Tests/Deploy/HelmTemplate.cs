using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace Vigil.Kubernetes.Tests.Deploy;

/// <summary>
/// Renders the subset of Helm's template language the Vigil chart uses, because helm is not installed where the tests
/// run: <c>.Values</c>/<c>.Release</c>/<c>.Chart</c> paths, <c>if</c>/<c>else</c>/<c>end</c>, <c>define</c> and
/// <c>include</c>, the pipes <c>quote</c>, <c>nindent</c>, <c>indent</c>, <c>toYaml</c>, and <c>{{-</c>/<c>-}}</c> trimming.
/// Anything else throws, so the chart cannot quietly grow beyond what is tested.
/// </summary>
internal sealed partial class HelmTemplate
{
    private readonly Dictionary<string, List<Node>> _defines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _root;

    public HelmTemplate(string chartDirectory, IDictionary<string, object?> values, string releaseName, string releaseNamespace)
    {
        _root = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Values"] = values,
            ["Release"] = new Dictionary<object, object?> { ["Name"] = releaseName, ["Namespace"] = releaseNamespace, ["Service"] = "Helm" },
            ["Chart"] = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object?>>(File.ReadAllText(Path.Combine(chartDirectory, "Chart.yaml"))),
        };
        foreach (var helper in Directory.GetFiles(Path.Combine(chartDirectory, "templates"), "*.tpl"))
        {
            Parse(File.ReadAllText(helper));
        }
    }

    /// <summary>The chart's values.yaml, with <paramref name="overrides"/> (dotted paths) applied, as Helm's <c>--set</c> would.</summary>
    public static Dictionary<string, object?> Values(string chartDirectory, params (string Path, object Value)[] overrides)
    {
        var values = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>>(File.ReadAllText(Path.Combine(chartDirectory, "values.yaml")));
        foreach (var (path, value) in overrides)
        {
            var parts = path.Split('.');
            IDictionary<object, object?> node = (IDictionary<object, object?>)values[parts[0]]!;
            foreach (var part in parts[1..^1])
            {
                node = (IDictionary<object, object?>)node[part]!;
            }

            if (parts.Length == 1)
            {
                values[parts[0]] = value;
            }
            else
            {
                node[parts[^1]] = value;
            }
        }

        return values;
    }

    public string Render(string template)
    {
        var output = new StringBuilder();
        Evaluate(Parse(template), output);
        return output.ToString();
    }

    private List<Node> Parse(string template)
    {
        var tokens = new List<(bool IsAction, string Text)>();
        var position = 0;
        foreach (Match match in ActionPattern().Matches(template))
        {
            var literal = template[position..match.Index];
            if (match.Groups[1].Value == "-")
            {
                literal = literal.TrimEnd();
            }

            tokens.Add((false, literal));
            tokens.Add((true, match.Groups[2].Value.Trim()));
            position = match.Index + match.Length;
            if (match.Groups[3].Value == "-")
            {
                while (position < template.Length && char.IsWhiteSpace(template[position]))
                {
                    position++;
                }
            }
        }

        tokens.Add((false, template[position..]));
        var index = 0;
        var nodes = ParseBlock(tokens, ref index, out var stop);
        if (stop is not null)
        {
            throw new FormatException($"unexpected {{{{ {stop} }}}}");
        }

        return nodes;
    }

    private List<Node> ParseBlock(List<(bool IsAction, string Text)> tokens, ref int index, out string? stop)
    {
        var nodes = new List<Node>();
        stop = null;
        while (index < tokens.Count)
        {
            var (isAction, text) = tokens[index++];
            if (!isAction)
            {
                nodes.Add(new Node(NodeKind.Text, text, [], []));
                continue;
            }

            if (text is "end" or "else")
            {
                stop = text;
                return nodes;
            }

            if (text.StartsWith("if ", StringComparison.Ordinal))
            {
                var then = ParseBlock(tokens, ref index, out var thenStop);
                var otherwise = thenStop == "else" ? ParseBlock(tokens, ref index, out _) : [];
                nodes.Add(new Node(NodeKind.If, text[3..].Trim(), then, otherwise));
            }
            else if (text.StartsWith("define ", StringComparison.Ordinal))
            {
                _defines[text[7..].Trim().Trim('"')] = ParseBlock(tokens, ref index, out _);
            }
            else if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                // A comment.
            }
            else
            {
                nodes.Add(new Node(NodeKind.Expression, text, [], []));
            }
        }

        return nodes;
    }

    private void Evaluate(List<Node> nodes, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node.Kind)
            {
                case NodeKind.Text: output.Append(node.Text); break;
                case NodeKind.If: Evaluate(IsTrue(Value(node.Text)) ? node.Then : node.Else, output); break;
                default: output.Append(Pipeline(node.Text)); break;
            }
        }
    }

    private string Pipeline(string expression)
    {
        var stages = expression.Split('|').Select(s => s.Trim()).ToList();
        object? value;
        if (stages[0].StartsWith("include ", StringComparison.Ordinal))
        {
            var name = stages[0][8..].Trim().Split(' ')[0].Trim('"');
            var rendered = new StringBuilder();
            Evaluate(_defines.TryGetValue(name, out var body) ? body : throw new FormatException($"no template '{name}'"), rendered);
            value = rendered.ToString();
        }
        else if (stages[0].StartsWith("toYaml ", StringComparison.Ordinal))
        {
            value = new SerializerBuilder().Build().Serialize(Value(stages[0][7..].Trim())).TrimEnd();
        }
        else
        {
            value = Value(stages[0]);
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        foreach (var stage in stages.Skip(1))
        {
            var parts = stage.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            text = parts[0] switch
            {
                "quote" => $"\"{text}\"",
                "nindent" => "\n" + Indent(text, int.Parse(parts[1], CultureInfo.InvariantCulture)),
                "indent" => Indent(text, int.Parse(parts[1], CultureInfo.InvariantCulture)),
                _ => throw new FormatException($"unsupported pipe '{stage}'"),
            };
        }

        return text;
    }

    private object? Value(string path)
    {
        if (!path.StartsWith('.'))
        {
            throw new FormatException($"unsupported expression '{path}'");
        }

        object? current = _root;
        foreach (var part in path[1..].Split('.'))
        {
            current = current switch
            {
                IDictionary<string, object?> map => map.TryGetValue(part, out var v) ? v : null,
                IDictionary<object, object?> map => map.TryGetValue(part, out var v) ? v : null,
                _ => null,
            };
        }

        return current;
    }

    private static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0 && s is not "false" and not "0",
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));

    [GeneratedRegex(@"\{\{(-?)(.*?)(-?)\}\}", RegexOptions.Singleline)]
    private static partial Regex ActionPattern();

    private enum NodeKind
    {
        Text,
        Expression,
        If,
    }

    private sealed record Node(NodeKind Kind, string Text, List<Node> Then, List<Node> Else);
}
