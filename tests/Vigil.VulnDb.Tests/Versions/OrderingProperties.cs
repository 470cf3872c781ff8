using FsCheck;
using FsCheck.Fluent;
using Vigil.VulnDb.Versions;

namespace Vigil.VulnDb.Tests.Versions;

/// <summary>Property checks that a scheme's ordering is a total order on generated versions.</summary>
internal static class OrderingProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    /// <summary>
    /// Reflexivity, antisymmetry, equality/hash consistency and round-trip on pairs, and transitivity by sorting lists and
    /// checking every ordered pair (much stronger than random triples, which are rarely related).
    /// </summary>
    public static void AssertTotalOrder<T>(Gen<string> versions)
        where T : struct, IVersion<T>
    {
        Check.One(Config, Prop.ForAll(Arb.From(Gen.Two(versions)), pair => CheckPair<T>(pair.Item1, pair.Item2)));
        Check.One(Config, Prop.ForAll(Arb.From(Gen.ArrayOf(versions, 12)), CheckSorted<T>));
    }

    private static bool CheckPair<T>(string a, string b)
        where T : struct, IVersion<T>
    {
        var x = Parse<T>(a);
        var y = Parse<T>(b);
        var xy = Math.Sign(x.CompareTo(y));
        var yx = Math.Sign(y.CompareTo(x));
        var roundTrip = T.Parse(x.ToString()!);
        return x.CompareTo(x) == 0
            && xy == -yx
            && x.Equals(y) == (xy == 0)
            && (xy != 0 || x.GetHashCode() == y.GetHashCode())
            && roundTrip.Equals(x) && roundTrip.ToString() == a;
    }

    private static bool CheckSorted<T>(string[] texts)
        where T : struct, IVersion<T>
    {
        var values = texts.Select(Parse<T>).ToArray();
        Array.Sort(values);
        for (var i = 0; i < values.Length; i++)
        {
            for (var j = i + 1; j < values.Length; j++)
            {
                if (values[i].CompareTo(values[j]) > 0 || values[j].CompareTo(values[i]) < 0)
                {
                    throw new InvalidOperationException(
                        $"Not transitive: after sorting, {values[i]} > {values[j]} (sorted: {string.Join(" ", values)})");
                }
            }
        }

        return true;
    }

    private static T Parse<T>(string text)
        where T : struct, IVersion<T> =>
        T.TryParse(text, out var value) ? value : throw new InvalidOperationException($"Generator produced invalid '{text}'");
}
