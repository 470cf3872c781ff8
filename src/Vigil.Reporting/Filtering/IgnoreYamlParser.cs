using System.Globalization;
using Vigil.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Reporting.Filtering;

/// <summary>
/// The YAML ignore format: a top-level <c>ignores:</c> list (or <c>vulnerabilities:</c>, or a bare list) of mappings with
/// <c>id</c>, optional <c>package</c>, <c>purl</c> or <c>purls</c>, <c>expires</c> (<c>YYYY-MM-DD</c>) and <c>reason</c>.
/// </summary>
/// <remarks>
/// An entry with an unknown key is skipped with a warning rather than applied: a misspelt <c>package</c> would otherwise
/// silently widen the suppression to every package.
/// </remarks>
internal static class IgnoreYamlParser
{
    private static readonly HashSet<string> KnownKeys =
        ["id", "package", "purl", "purls", "expires", "expired_at", "reason", "statement"];

    public static IReadOnlyList<IgnoreEntry> Parse(string text, string source, List<ScanWarning> warnings)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            warnings.Add(new ScanWarning($"{source}:{e.Start.Line}", $"Not valid YAML ({e.Message}); no entries used."));
            return [];
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        var list = stream.Documents[0].RootNode switch
        {
            YamlSequenceNode sequence => sequence,
            YamlMappingNode mapping => FindList(mapping),
            _ => null,
        };
        if (list is null)
        {
            warnings.Add(new ScanWarning(source, "Expected an 'ignores:' list of entries; no entries used."));
            return [];
        }

        var entries = new List<IgnoreEntry>();
        foreach (var node in list)
        {
            entries.AddRange(ParseEntry(node, source, warnings));
        }

        return entries;
    }

    private static YamlSequenceNode? FindList(YamlMappingNode mapping)
    {
        foreach (var key in new[] { "ignores", "vulnerabilities" })
        {
            if (mapping.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return value as YamlSequenceNode ?? (value is YamlScalarNode { Value: null or "" } ? [] : null);
            }
        }

        return null;
    }

    private static IEnumerable<IgnoreEntry> ParseEntry(YamlNode node, string source, List<ScanWarning> warnings)
    {
        var where = $"{source}:{node.Start.Line}";
        if (node is YamlScalarNode { Value: { Length: > 0 } bareId })
        {
            return [new IgnoreEntry(bareId.Trim()) { Source = where }];
        }

        if (node is not YamlMappingNode mapping)
        {
            warnings.Add(new ScanWarning(where, "An entry must be a mapping with at least an 'id'; skipped."));
            return [];
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!KnownKeys.Contains(key))
            {
                warnings.Add(new ScanWarning(where, $"Unknown key '{key}' (expected {string.Join(", ", KnownKeys)}); entry skipped."));
                return [];
            }

            values[key] = valueNode;
        }

        var id = Scalar(values, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            warnings.Add(new ScanWarning(where, "Entry has no 'id'; skipped."));
            return [];
        }

        DateOnly? expires = null;
        var expiresText = Scalar(values, "expires") ?? Scalar(values, "expired_at");
        if (expiresText is not null)
        {
            if (!TryParseDate(expiresText, out var date))
            {
                warnings.Add(new ScanWarning(where, $"'{expiresText}' is not a date (expected YYYY-MM-DD); entry for {id} skipped."));
                return [];
            }

            expires = date;
        }

        var purls = new List<string?>();
        if (Scalar(values, "purl") is { } purl)
        {
            purls.Add(purl);
        }

        if (values.TryGetValue("purls", out var purlsNode))
        {
            purls.AddRange(purlsNode is YamlSequenceNode seq ? seq.OfType<YamlScalarNode>().Select(s => s.Value) : [(purlsNode as YamlScalarNode)?.Value]);
        }

        foreach (var p in purls)
        {
            if (!PurlPattern.TryParse(p, out _))
            {
                warnings.Add(new ScanWarning(where, $"'{p}' is not a package URL (pkg:type/name); entry for {id} skipped."));
                return [];
            }
        }

        var entry = new IgnoreEntry(id.Trim())
        {
            PackageName = Scalar(values, "package"),
            Expires = expires,
            Reason = Scalar(values, "reason") ?? Scalar(values, "statement"),
            Source = where,
        };
        return purls.Count == 0 ? [entry] : purls.Select(p => entry with { Purl = p });
    }

    private static string? Scalar(Dictionary<string, YamlNode> values, string key) =>
        values.TryGetValue(key, out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    private static bool TryParseDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            date = DateOnly.FromDateTime(instant.UtcDateTime);
            return true;
        }

        return false;
    }
}
