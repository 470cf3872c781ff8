namespace Vigil.VulnDb.Cvss;

/// <summary>CVSS v2.0 base score, per section 3.2.1 of the FIRST CVSS v2 guide.</summary>
public static class CvssV2
{
    private static readonly Dictionary<string, double> AccessVector = new() { ["L"] = 0.395, ["A"] = 0.646, ["N"] = 1.0 };
    private static readonly Dictionary<string, double> AccessComplexity = new() { ["H"] = 0.35, ["M"] = 0.61, ["L"] = 0.71 };
    private static readonly Dictionary<string, double> Authentication = new() { ["M"] = 0.45, ["S"] = 0.56, ["N"] = 0.704 };
    private static readonly Dictionary<string, double> Impact = new() { ["N"] = 0.0, ["P"] = 0.275, ["C"] = 0.660 };

    /// <summary>Computes the base score of a v2 vector (<c>AV:N/AC:L/Au:N/C:P/I:P/A:P</c>, optionally in parentheses or prefixed <c>CVSS:2.0/</c>).</summary>
    public static bool TryScore(string vector, out CvssScore score)
    {
        ArgumentNullException.ThrowIfNull(vector);
        score = null!;
        var text = vector.Trim().Trim('(', ')');
        if (text.StartsWith("CVSS:2.0/", StringComparison.Ordinal))
        {
            text = text["CVSS:2.0/".Length..];
        }

        var m = CvssVector.Parse(text, null);
        if (m is null
            || !CvssVector.TryWeight(m, "AV", AccessVector, out var av)
            || !CvssVector.TryWeight(m, "AC", AccessComplexity, out var ac)
            || !CvssVector.TryWeight(m, "Au", Authentication, out var au)
            || !CvssVector.TryWeight(m, "C", Impact, out var c)
            || !CvssVector.TryWeight(m, "I", Impact, out var i)
            || !CvssVector.TryWeight(m, "A", Impact, out var a))
        {
            return false;
        }

        var impact = 10.41 * (1 - ((1 - c) * (1 - i) * (1 - a)));
        var exploitability = 20 * av * ac * au;
        var f = impact == 0 ? 0 : 1.176;
        var baseScore = Math.Round(((0.6 * impact) + (0.4 * exploitability) - 1.5) * f, 1, MidpointRounding.AwayFromZero);
        score = new CvssScore("2.0", Math.Max(0, baseScore), vector);
        return true;
    }
}
