namespace Vigil.Analyzers.Maven;

/// <summary>Parses the subset of <c>.properties</c> and <c>MANIFEST.MF</c> syntax Maven metadata uses.</summary>
public static class JavaProperties
{
    /// <summary><c>key=value</c> or <c>key: value</c> lines; comments and continuation lines ignored.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] is '#' or '!' or ' ')
            {
                continue;
            }

            var separator = line.IndexOfAny(['=', ':']);
            if (separator > 0)
            {
                values.TryAdd(line[..separator].Trim(), line[(separator + 1)..].Trim());
            }
        }

        return values;
    }
}
