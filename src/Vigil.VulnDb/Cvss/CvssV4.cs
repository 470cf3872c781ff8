namespace Vigil.VulnDb.Cvss;

/// <summary>
/// CVSS v4.0 scores per the FIRST specification: the vector's macrovector (EQ1–EQ6) is looked up in the expert-scored
/// table, then interpolated by the vector's severity distance from the macrovector's highest-severity vectors.
/// Threat (<c>E</c>) and environmental metrics are honoured when present; supplemental metrics do not affect the score.
/// </summary>
public static class CvssV4
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["AV"] = ["N", "A", "L", "P"],
        ["AC"] = ["L", "H"],
        ["AT"] = ["N", "P"],
        ["PR"] = ["N", "L", "H"],
        ["UI"] = ["N", "P", "A"],
        ["VC"] = ["N", "L", "H"],
        ["VI"] = ["N", "L", "H"],
        ["VA"] = ["N", "L", "H"],
        ["SC"] = ["N", "L", "H"],
        ["SI"] = ["N", "L", "H"],
        ["SA"] = ["N", "L", "H"],
        ["E"] = ["X", "A", "P", "U"],
        ["CR"] = ["X", "H", "M", "L"],
        ["IR"] = ["X", "H", "M", "L"],
        ["AR"] = ["X", "H", "M", "L"],
        ["MAV"] = ["X", "N", "A", "L", "P"],
        ["MAC"] = ["X", "L", "H"],
        ["MAT"] = ["X", "N", "P"],
        ["MPR"] = ["X", "N", "L", "H"],
        ["MUI"] = ["X", "N", "P", "A"],
        ["MVC"] = ["X", "H", "L", "N"],
        ["MVI"] = ["X", "H", "L", "N"],
        ["MVA"] = ["X", "H", "L", "N"],
        ["MSC"] = ["X", "H", "L", "N"],
        ["MSI"] = ["X", "S", "H", "L", "N"],
        ["MSA"] = ["X", "S", "H", "L", "N"],
        ["S"] = ["X", "N", "P"],
        ["AU"] = ["X", "N", "Y"],
        ["R"] = ["X", "A", "U", "I"],
        ["V"] = ["X", "D", "C"],
        ["RE"] = ["X", "L", "M", "H"],
        ["U"] = ["X", "Clear", "Green", "Amber", "Red"],
    };

    private static readonly string[] ImpactMetrics = ["VC", "VI", "VA", "SC", "SI", "SA"];

    private static readonly string[] BaseMetrics = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"];

    // Severity level of each value (0 = most severe), used for the distance to the macrovector's maximum.
    private static readonly Dictionary<string, Dictionary<string, double>> Levels = new(StringComparer.Ordinal)
    {
        ["AV"] = new() { ["N"] = 0.0, ["A"] = 0.1, ["L"] = 0.2, ["P"] = 0.3 },
        ["PR"] = new() { ["N"] = 0.0, ["L"] = 0.1, ["H"] = 0.2 },
        ["UI"] = new() { ["N"] = 0.0, ["P"] = 0.1, ["A"] = 0.2 },
        ["AC"] = new() { ["L"] = 0.0, ["H"] = 0.1 },
        ["AT"] = new() { ["N"] = 0.0, ["P"] = 0.1 },
        ["VC"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VI"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VA"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["SC"] = new() { ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SI"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SA"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["CR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["IR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["AR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["E"] = new() { ["U"] = 0.2, ["P"] = 0.1, ["A"] = 0.0 },
    };

    // The highest-severity vectors of each EQ level (EQ3 is keyed by EQ3 then EQ6).
    private static readonly string[][] Eq1Max = [["AV:N/PR:N/UI:N"], ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"], ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"]];
    private static readonly string[][] Eq2Max = [["AC:L/AT:N"], ["AC:H/AT:N", "AC:L/AT:P"]];
    private static readonly string[][][] Eq3Eq6Max =
    [
        [["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"], ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"]],
        [["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
         ["VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"]],
        [[], ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"]],
    ];

    private static readonly string[][] Eq4Max = [["SC:H/SI:S/SA:S"], ["SC:H/SI:H/SA:H"], ["SC:L/SI:L/SA:L"]];
    private static readonly string[][] Eq5Max = [["E:A"], ["E:P"], ["E:U"]];

    // Maximal severity distance within each EQ level (+1), in steps of 0.1.
    private static readonly int[] Eq1Depth = [1, 4, 5];
    private static readonly int[] Eq2Depth = [1, 2];
    private static readonly int[][] Eq3Eq6Depth = [[7, 6], [8, 8], [0, 10]];
    private static readonly int[] Eq4Depth = [6, 5, 4];

    /// <summary>Computes the score of a <c>CVSS:4.0/…</c> vector; false when the vector is not valid v4.0.</summary>
    public static bool TryScore(string vector, out CvssScore score)
    {
        ArgumentNullException.ThrowIfNull(vector);
        score = null!;
        var metrics = CvssVector.Parse(vector, "CVSS:4.0");
        if (metrics is null
            || metrics.Any(m => !Allowed.TryGetValue(m.Key, out var values) || !values.Contains(m.Value))
            || BaseMetrics.Any(b => !metrics.ContainsKey(b)))
        {
            return false;
        }

        score = new CvssScore("4.0", Score(metrics), vector);
        return true;
    }

    private static double Score(Dictionary<string, string> metrics)
    {
        string Effective(string metric)
        {
            var value = metrics.GetValueOrDefault(metric, "X");
            if (value == "X")
            {
                // Worst case when threat and security requirements are not given.
                switch (metric)
                {
                    case "E": return "A";
                    case "CR" or "IR" or "AR": return "H";
                }
            }

            return metrics.TryGetValue("M" + metric, out var modified) && modified != "X" ? modified : value;
        }

        if (ImpactMetrics.All(m => Effective(m) == "N"))
        {
            return 0.0;
        }

        var eq = MacroVector(Effective);
        var value = CvssV4Lookup.Scores[Key(eq)];

        double Lookup(int[] classes) => CvssV4Lookup.Scores.TryGetValue(Key(classes), out var s) ? s : double.NaN;
        int[] Lower(int index, int by = 1)
        {
            var next = (int[])eq.Clone();
            next[index] += by;
            return next;
        }

        var lowerEq1 = Lookup(Lower(0));
        var lowerEq2 = Lookup(Lower(1));
        double lowerEq3Eq6;
        if (eq[2] == 0 && eq[5] == 0)
        {
            // Two ways down; the higher of the two (NaN when either does not exist, as in the reference implementation).
            var left = Lookup(Lower(5));
            var right = Lookup(Lower(2));
            lowerEq3Eq6 = double.IsNaN(left) || double.IsNaN(right) ? double.NaN : Math.Max(left, right);
        }
        else if (eq[2] == 1 && eq[5] == 0)
        {
            lowerEq3Eq6 = Lookup(Lower(5));
        }
        else if (eq[2] == 2 && eq[5] == 1)
        {
            var both = Lower(2);
            both[5]++;
            lowerEq3Eq6 = Lookup(both);
        }
        else
        {
            lowerEq3Eq6 = Lookup(Lower(2));
        }

        var lowerEq4 = Lookup(Lower(3));
        var lowerEq5 = Lookup(Lower(4));

        var distances = Distances(eq, Effective);
        double Sum(params string[] names) => names.Sum(n => distances[n]);

        var parts = new (double Available, double Current, double Depth)[]
        {
            (value - lowerEq1, Sum("AV", "PR", "UI"), Eq1Depth[eq[0]] * 0.1),
            (value - lowerEq2, Sum("AC", "AT"), Eq2Depth[eq[1]] * 0.1),
            (value - lowerEq3Eq6, Sum("VC", "VI", "VA", "CR", "IR", "AR"), Eq3Eq6Depth[eq[2]][eq[5]] * 0.1),
            (value - lowerEq4, Sum("SC", "SI", "SA"), Eq4Depth[eq[3]] * 0.1),

            // EQ5 always contributes a proportion of 0.
            (value - lowerEq5, 0, 1),
        };

        var existing = parts.Where(p => !double.IsNaN(p.Available)).ToList();
        var mean = existing.Count == 0 ? 0 : existing.Sum(p => p.Available * (p.Current / p.Depth)) / existing.Count;
        var result = Math.Clamp(value - mean, 0, 10);

        // Round half up with a small epsilon against binary representation error, as the reference implementation does.
        return Math.Floor(((result + 1e-6) * 10) + 0.5) / 10;
    }

    private static int[] MacroVector(Func<string, string> m)
    {
        var (av, pr, ui) = (m("AV"), m("PR"), m("UI"));
        var eq1 = av == "N" && pr == "N" && ui == "N" ? 0
            : (av == "N" || pr == "N" || ui == "N") && av != "P" ? 1
            : 2;
        var eq2 = m("AC") == "L" && m("AT") == "N" ? 0 : 1;
        var (vc, vi, va) = (m("VC"), m("VI"), m("VA"));
        var eq3 = vc == "H" && vi == "H" ? 0 : vc == "H" || vi == "H" || va == "H" ? 1 : 2;
        var eq4 = m("SI") == "S" || m("SA") == "S" ? 0 : m("SC") == "H" || m("SI") == "H" || m("SA") == "H" ? 1 : 2;
        var eq5 = m("E") switch { "A" => 0, "P" => 1, _ => 2 };
        var eq6 = (m("CR") == "H" && vc == "H") || (m("IR") == "H" && vi == "H") || (m("AR") == "H" && va == "H") ? 0 : 1;
        return [eq1, eq2, eq3, eq4, eq5, eq6];
    }

    private static Dictionary<string, double> Distances(int[] eq, Func<string, string> effective)
    {
        Dictionary<string, double>? last = null;
        foreach (var e1 in Eq1Max[eq[0]])
        {
            foreach (var e2 in Eq2Max[eq[1]])
            {
                foreach (var e3 in Eq3Eq6Max[eq[2]][eq[5]])
                {
                    foreach (var e4 in Eq4Max[eq[3]])
                    {
                        foreach (var e5 in Eq5Max[eq[4]])
                        {
                            var max = CvssVector.Parse($"{e1}/{e2}/{e3}/{e4}/{e5}", null)!;
                            last = Levels.ToDictionary(l => l.Key, l => l.Value[effective(l.Key)] - l.Value[max[l.Key]]);
                            if (last.Values.All(d => d >= 0))
                            {
                                // The first maximal vector that the scored vector does not exceed in any metric.
                                return last;
                            }
                        }
                    }
                }
            }
        }

        return last!;
    }

    private static string Key(int[] eq) => string.Concat(eq);
}
