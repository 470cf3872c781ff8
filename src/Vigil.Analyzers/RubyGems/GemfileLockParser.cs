namespace Vigil.Analyzers.RubyGems;

/// <summary>Reads the gems a Bundler lockfile (<c>Gemfile.lock</c>) pins, from its <c>GEM</c> section's <c>specs:</c>.</summary>
public static class GemfileLockParser
{
    /// <summary>Every pinned gem as (name, version); platform suffixes (<c>1.15.5-x86_64-linux</c>) are dropped.</summary>
    public static IReadOnlyList<(string Name, string Version)> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<(string, string)>();
        var inGem = false;
        var inSpecs = false;
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inGem = line == "GEM";
                inSpecs = false;
                continue;
            }

            if (inGem && line.Trim() == "specs:")
            {
                inSpecs = true;
                continue;
            }

            // Exactly four spaces: a pinned gem; six: one of its dependency constraints.
            if (!inSpecs || !line.StartsWith("    ", StringComparison.Ordinal) || line.Length < 5 || line[4] == ' ')
            {
                continue;
            }

            var spec = line.Trim();
            var open = spec.IndexOf(" (", StringComparison.Ordinal);
            if (open > 0 && spec.EndsWith(')'))
            {
                var version = spec[(open + 2)..^1];
                var dash = version.IndexOf('-', StringComparison.Ordinal);
                result.Add((spec[..open], dash > 0 ? version[..dash] : version));
            }
        }

        return result.Distinct().ToList();
    }
}
