namespace Vigil.VulnDb.Cvss;

/// <summary>Splits a CVSS vector into metric → value pairs, rejecting duplicates and malformed parts.</summary>
internal static class CvssVector
{
    public static Dictionary<string, string>? Parse(string vector, string? prefix)
    {
        var parts = vector.Trim().Split('/');
        var start = 0;
        if (prefix is not null)
        {
            if (parts.Length == 0 || parts[0] != prefix)
            {
                return null;
            }

            start = 1;
        }

        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = start; i < parts.Length; i++)
        {
            var colon = parts[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == parts[i].Length - 1 || !metrics.TryAdd(parts[i][..colon], parts[i][(colon + 1)..]))
            {
                return null;
            }
        }

        return metrics;
    }

    /// <summary>Looks up the weight of a mandatory metric; false when missing or not one of the allowed values.</summary>
    public static bool TryWeight(Dictionary<string, string> metrics, string name, IReadOnlyDictionary<string, double> weights, out double weight)
    {
        weight = 0;
        return metrics.TryGetValue(name, out var value) && weights.TryGetValue(value, out weight);
    }
}
