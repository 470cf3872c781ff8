namespace Vigil.VulnDb.Versions.Maven;

/// <summary>A qualifier: known ones in a fixed order, unknown ones after them, alphabetically.</summary>
internal sealed class MavenStringItem : MavenItem
{
    // alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp < unknown (alphabetical).
    private static readonly string[] Qualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];

    private const int ReleaseRank = 5;

    private readonly string _value;
    private readonly int _rank;

    public MavenStringItem(string value, bool followedByDigit)
    {
        if (followedByDigit && value.Length == 1)
        {
            // a1 = alpha-1, b1 = beta-1, m1 = milestone-1
            value = value[0] switch { 'a' => "alpha", 'b' => "beta", 'm' => "milestone", _ => value };
        }

        _value = value switch { "ga" or "final" or "release" => string.Empty, "cr" => "rc", _ => value };
        var rank = Array.IndexOf(Qualifiers, _value);
        _rank = rank < 0 ? Qualifiers.Length : rank;
    }

    public override bool IsNull => _value.Length == 0;

    public override int CompareTo(MavenItem? other) => other switch
    {
        null => _rank.CompareTo(ReleaseRank), // 1-rc < 1, 1-sp > 1
        MavenStringItem text => CompareQualifier(text),
        _ => -1, // 1.any < 1.1, 1.any < 1-1
    };

    public override void AddTo(ref HashCode hash) => hash.Add(_value);

    public override string ToString() => _value;

    private int CompareQualifier(MavenStringItem other) =>
        _rank != other._rank ? _rank.CompareTo(other._rank)
        : _rank == Qualifiers.Length ? Math.Sign(string.CompareOrdinal(_value, other._value))
        : 0;
}
