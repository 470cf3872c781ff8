namespace Vigil.Analyzers.Cargo;

/// <summary>Reads the <c>[[package]]</c> tables of a <c>Cargo.lock</c> (a small, fixed subset of TOML).</summary>
public static class CargoLockParser
{
    /// <summary>Every package with a <c>source</c> (registry or git) as (name, version); workspace members have none.</summary>
    public static IReadOnlyList<(string Name, string Version)> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<(string, string)>();
        string? name = null, version = null, source = null;
        void Flush()
        {
            if (name is not null && version is not null && source is not null)
            {
                result.Add((name, version));
            }

            name = version = source = null;
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                Flush();
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var value = line[(eq + 1)..].Trim();
            if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
            {
                continue;
            }

            value = value[1..^1];
            switch (line[..eq].Trim())
            {
                case "name": name = value; break;
                case "version": version = value; break;
                case "source": source = value; break;
            }
        }

        Flush();
        return result.Distinct().ToList();
    }
}
