namespace Vigil.VulnDb.Cvss;

/// <summary>CVSS v3.0 and v3.1 base scores, per section 7 of the FIRST specifications (they differ only in Roundup).</summary>
public static class CvssV3
{
    private static readonly Dictionary<string, double> AttackVector = new() { ["N"] = 0.85, ["A"] = 0.62, ["L"] = 0.55, ["P"] = 0.2 };
    private static readonly Dictionary<string, double> AttackComplexity = new() { ["L"] = 0.77, ["H"] = 0.44 };
    private static readonly Dictionary<string, double> PrivilegesUnchanged = new() { ["N"] = 0.85, ["L"] = 0.62, ["H"] = 0.27 };
    private static readonly Dictionary<string, double> PrivilegesChanged = new() { ["N"] = 0.85, ["L"] = 0.68, ["H"] = 0.5 };
    private static readonly Dictionary<string, double> UserInteraction = new() { ["N"] = 0.85, ["R"] = 0.62 };
    private static readonly Dictionary<string, double> Impact = new() { ["H"] = 0.56, ["L"] = 0.22, ["N"] = 0.0 };

    /// <summary>Computes the base score of <c>CVSS:3.x/AV:…/AC:…/PR:…/UI:…/S:…/C:…/I:…/A:…</c>; temporal and environmental metrics are ignored.</summary>
    public static bool TryScore(string vector, out CvssScore score)
    {
        ArgumentNullException.ThrowIfNull(vector);
        score = null!;
        var version = vector.StartsWith("CVSS:3.1/", StringComparison.Ordinal) ? "3.1"
            : vector.StartsWith("CVSS:3.0/", StringComparison.Ordinal) ? "3.0"
            : null;
        var m = version is null ? null : CvssVector.Parse(vector, "CVSS:" + version);
        if (m is null || !m.TryGetValue("S", out var scope) || scope is not ("U" or "C"))
        {
            return false;
        }

        var changed = scope == "C";
        if (!CvssVector.TryWeight(m, "AV", AttackVector, out var av)
            || !CvssVector.TryWeight(m, "AC", AttackComplexity, out var ac)
            || !CvssVector.TryWeight(m, "PR", changed ? PrivilegesChanged : PrivilegesUnchanged, out var pr)
            || !CvssVector.TryWeight(m, "UI", UserInteraction, out var ui)
            || !CvssVector.TryWeight(m, "C", Impact, out var c)
            || !CvssVector.TryWeight(m, "I", Impact, out var i)
            || !CvssVector.TryWeight(m, "A", Impact, out var a))
        {
            return false;
        }

        var iss = 1 - ((1 - c) * (1 - i) * (1 - a));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * av * ac * pr * ui;
        Func<double, double> roundUp = version == "3.1" ? RoundUp31 : RoundUp30;
        var baseScore = impact <= 0 ? 0
            : changed ? roundUp(Math.Min(1.08 * (impact + exploitability), 10))
            : roundUp(Math.Min(impact + exploitability, 10));
        score = new CvssScore(version!, baseScore, vector);
        return true;
    }

    /// <summary>v3.1 Roundup (Appendix A): integer arithmetic so that 4.000000000000001 is not rounded up to 4.1.</summary>
    internal static double RoundUp31(double value)
    {
        var integer = (long)Math.Round(value * 100_000);
        return integer % 10_000 == 0 ? integer / 100_000.0 : (Math.Floor(integer / 10_000.0) + 1) / 10.0;
    }

    /// <summary>v3.0 Roundup: the smallest number with one decimal that is not below the input.</summary>
    internal static double RoundUp30(double value) => Math.Ceiling(value * 10) / 10;
}
