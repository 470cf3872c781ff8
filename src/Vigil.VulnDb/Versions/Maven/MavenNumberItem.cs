using Vigil.VulnDb.Versions.Internal;

namespace Vigil.VulnDb.Versions.Maven;

/// <summary>A numeric item; any length (Maven's int, long and BigInteger items order as plain numbers).</summary>
internal sealed class MavenNumberItem(string digits) : MavenItem
{
    private readonly string _digits = digits.TrimStart('0');

    public override bool IsNull => _digits.Length == 0;

    public override int CompareTo(MavenItem? other) => other switch
    {
        null => IsNull ? 0 : 1,
        MavenNumberItem number => VersionText.CompareDigits(_digits, number._digits),
        _ => 1, // 1.1 > 1-sp, 1.1 > 1-1
    };

    public override void AddTo(ref HashCode hash) => hash.Add(_digits);

    public override string ToString() => _digits.Length == 0 ? "0" : _digits;
}
