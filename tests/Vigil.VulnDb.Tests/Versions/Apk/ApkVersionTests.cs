using FsCheck;
using FsCheck.Fluent;
using Vigil.VulnDb.Versions.Apk;

namespace Vigil.VulnDb.Tests.Versions.Apk;

public class ApkVersionTests
{
    // Most rows come from apk-tools' test/version.data; the last ones pin the suffix ranks, commit hashes and the
    // leading-zero text rule of apk-tools 3 (src/version.c).
    [Theory]
    [InlineData("2.34", "0.1.0_alpha", 1)]
    [InlineData("0.1.0_alpha", "0.1.0_alpha", 0)]
    [InlineData("0.1.0_alpha", "0.1.3_alpha", -1)]
    [InlineData("0.1.0_alpha2", "0.1.0_alpha", 1)]
    [InlineData("0.1.0_alpha", "2.2.39-r1", -1)]
    [InlineData("2.2.39-r1", "1.0.4-r3", 1)]
    [InlineData("1.0.4-r3", "1.0.4-r4", -1)]
    [InlineData("1.0.4-r4", "1.6", -1)]
    [InlineData("1.0.2", "0.7-r1", 1)]
    [InlineData("1.1", "1.1_alpha1", 1)]
    [InlineData("1.2.1", "1.2", 1)]
    [InlineData("1.2", "1.3_alpha", -1)]
    [InlineData("1.3_alpha", "1.3_alpha2", -1)]
    [InlineData("0.7.0", "0.8_beta1", -1)]
    [InlineData("0.8_beta1", "0.8_beta2", -1)]
    [InlineData("3.10.18-r1", "2.3.0b-r1", 1)]
    [InlineData("2.3.0b-r1", "2.3.0b-r2", -1)]
    [InlineData("0.12.3", "0.12", 1)]
    [InlineData("0.12", "0.13_beta1", -1)]
    [InlineData("0.13_beta5", "0.9.12", 1)]
    [InlineData("1.2.11", "1.2.12.1", -1)]
    [InlineData("1.2.12.1", "1.2.13", -1)]
    [InlineData("0.2.0-r1", "3.1_p16", -1)]
    [InlineData("3.1_p16", "3.1_p17", -1)]
    [InlineData("3.1_p17", "1.06-r6", 1)]
    [InlineData("1.06-r6", "006", -1)]
    [InlineData("006", "1.0.0", 1)]
    [InlineData("1.2.2-r1", "1.2.2", 1)]
    [InlineData("9.3.4-r2", "9.3.4", 1)]
    [InlineData("2.59", "20050718-r1", -1)]
    [InlineData("3.9.8-r5", "2.01.01_alpha10", 1)]
    [InlineData("2.01.01_alpha10", "0.94", 1)]
    [InlineData("1.0", "0.99.3.20040818", 1)]
    [InlineData("1.39", "1.00_beta2", 1)]
    [InlineData("1.00_beta2", "0.9.2", 1)]
    [InlineData("2.8.9-r1", "2.8.9", 1)]
    [InlineData("0.5.2.7", "4.2.52_p2-r1", -1)]
    [InlineData("4.2.52_p2-r1", "4.2.52_p4-r2", -1)]
    [InlineData("4.2.52_p4-r2", "1.02.07", 1)]
    [InlineData("1.02.07", "1.02.10-r1", -1)]
    [InlineData("2.18.3-r10", "1.05-r18", 1)]
    [InlineData("1.05-r18", "1.05-r19", -1)]
    [InlineData("2.38", "20050405", -1)]
    [InlineData("2.11-r1", "2.11", 1)]
    [InlineData("0.7.3-r2", "0.7.3", 1)]
    [InlineData("20060720", "3.0.20060720", 1)]
    [InlineData("1.4.4-r1", "2.1.9.200602141850", -1)]
    [InlineData("2.5.1-r8", "2.5.1a-r1", -1)]
    [InlineData("1.3.5-r10", "1.3.5-r8", 1)]
    [InlineData("20040401", "2.0.0_rc3-r1", 1)]
    [InlineData("3.0.0-r2", "021109-r3", -1)]
    [InlineData("021109-r3", "20060512", -1)]
    [InlineData("0.9.16-r1", "3.9_pre20060124", -1)]
    [InlineData("3.9_pre20060124", "0.01", 1)]
    [InlineData("1.1.7", "6b-r7", -1)]
    [InlineData("0.10.0-r1", "0.10.0", 1)]
    [InlineData("0.10.0", "0.10.1_rc1", -1)]
    [InlineData("2.0.2", "1.1a", 1)]
    [InlineData("1.1a", "1.3a", -1)]
    [InlineData("1.0-r1", "0.15.1b", 1)]
    [InlineData("0.15.1b", "1.0.1", -1)]
    [InlineData("0.15.1b-r2", "0.15.1b", 1)]
    [InlineData("22.7-r1", "22.7.3-r1", -1)]
    [InlineData("22.7.3-r1", "22.7", 1)]
    [InlineData("22.7", "2.1_pre20", 1)]
    [InlineData("2.1_pre20", "2.1_pre26", -1)]
    [InlineData("2.10.1", "02.08.01b", 1)]
    [InlineData("02.08.01b", "4.77", -1)]
    [InlineData("2.8.6-r2", "2.02-r1", 1)]
    [InlineData("8.1.2.20040524-r1", "8.1.2.20050715-r1", -1)]
    [InlineData("3.81", "1.6d", 1)]
    [InlineData("1.6d", "1.2.07.8", 1)]
    [InlineData("1.2.07.8", "1.2.12.04", -1)]
    [InlineData("1.2.12.04", "1.2.12.05", -1)]
    [InlineData("1.07-r1", "1.07.5", -1)]
    [InlineData("1.07.5", "1.07", 1)]
    [InlineData("20061003", "0.1_pre20060810", 1)]
    [InlineData("0.1_pre20060810", "0.1_pre20060817", -1)]
    [InlineData("3.3.17", "0.59s-r11", 1)]
    [InlineData("0.59s-r11", "0.65", -1)]
    [InlineData("0.20070118", "0.20070207_rc1", -1)]
    [InlineData("0.20070207_rc1", "1.0", -1)]
    [InlineData("2.3.30-r2", "3.7_p1", -1)]
    [InlineData("4.5_p1-r1", "4.5_p1", 1)]
    [InlineData("4.5_p1", "0.9.8c-r1", 1)]
    [InlineData("0.9.8c-r1", "0.9.8d", -1)]
    [InlineData("2.2.3-r2", "013", -1)]
    [InlineData("013", "014-r1", -1)]
    [InlineData("1.7", "1.7b", -1)]
    [InlineData("1.8.5", "1.8.5_p2", -1)]
    [InlineData("2.9.11_pre20051101-r3", "2.9.11_pre20051101", 1)]
    [InlineData("1.6.8_p12-r1", "1.6.8_p9-r2", 1)]
    [InlineData("0.9.28-r2", "0.9.28.1", -1)]
    [InlineData("0.9.28.1", "087-r1", -1)]
    [InlineData("104-r11", "104-r9", 1)]
    [InlineData("20040406-r1", "2.12r-r4", 1)]
    [InlineData("2.12r-r4", "2.12r-r5", -1)]
    [InlineData("7.0.17", "7.0.174", -1)]
    [InlineData("1.3-r0", "1.3.1-r0", -1)]
    [InlineData("1.3_pre1-r1", "1.3.2", -1)]
    [InlineData("1.0_p10-r0", "1.0_p9-r0", 1)]
    [InlineData("0.1.0_alpha_pre2", "0.1.0_alpha", -1)]
    [InlineData("1.0.0_pre20191002222144-r0", "1.0.0_pre20210530193627-r0", -1)]
    [InlineData("1.0_rc1", "1.0", -1)]
    [InlineData("1.0", "1.0_cvs1", -1)]
    [InlineData("1.0_cvs1", "1.0_svn1", -1)]
    [InlineData("1.0_svn1", "1.0_git1", -1)]
    [InlineData("1.0_git1", "1.0_hg1", -1)]
    [InlineData("1.0_hg1", "1.0_p1", -1)]
    [InlineData("1.0_alpha", "1.0_beta", -1)]
    [InlineData("1.0_beta", "1.0_pre", -1)]
    [InlineData("1.0_pre", "1.0_rc", -1)]
    [InlineData("1.0-r1", "1.0.1", -1)]
    [InlineData("1.0-r0", "1.0", 1)]
    [InlineData("1.0~abc123", "1.0", 1)]
    [InlineData("1.0~abc123", "1.0-r1", 1)]
    [InlineData("1.0~abc123-r1", "1.0~abc123", 1)]
    [InlineData("1.0~abc123", "1.0~abd", -1)]
    [InlineData("1.0_git20230101~abc123", "1.0_git20230101", 1)]
    [InlineData("1.0.01", "1.0.1", -1)]
    [InlineData("1.02", "1.1", -1)]
    [InlineData("1.0.0", "1.0", 1)]
    [InlineData("01", "1", 0)]
    [InlineData("1.0_p01", "1.0_p1", 0)]
    [InlineData("1.0-r01", "1.0-r1", 0)]
    [InlineData("1.0", "1.0.0", -1)]
    [InlineData("1.0.0", "1.0.0.0", -1)]
    public void Orders_like_apk_tools(string a, string b, int expected) => VersionAssert.Ordered<ApkVersion>(a, b, expected);

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3a")]
    [InlineData("1.2.3_rc1")]
    [InlineData("1.2.3_alpha_pre2")]
    [InlineData("1.2.3_p1-r0")]
    [InlineData("1.2.3_git20240101~1a2b3c-r5")]
    [InlineData("2024.01.02")]
    public void Accepts_apk_versions(string text) => VersionAssert.Valid<ApkVersion>(text);

    [Theory]
    [InlineData("a1.0", "must start with a digit")]
    [InlineData(".1", "must start with a digit")]
    [InlineData("1.0bc", "unexpected 'c' at position 4")]
    [InlineData("1.0B", "unexpected 'B' at position 3")]
    [InlineData("1.0_foo", "unknown suffix '_foo' at position 3")]
    [InlineData("1.0_", "unknown suffix '_' at position 3")]
    [InlineData("1.0-1", "'-' at position 3 must be followed by 'r' and a number")]
    [InlineData("1.0-r", "'-' at position 3 must be followed by 'r' and a number")]
    [InlineData("1.0-r1-r2", "unexpected '-' at position 6")]
    [InlineData("1.0~", "'~' at position 3 must be followed by a hexadecimal commit hash")]
    [InlineData("1.0~xyz", "'~' at position 3 must be followed by a hexadecimal commit hash")]
    [InlineData("1.0.", "'.' at position 3 must be followed by a number")]
    [InlineData("1..0", "'.' at position 1 must be followed by a number")]
    [InlineData("1.0a.1", "unexpected '.' at position 4")]
    [InlineData("1.0_rc1.2", "unexpected '.' at position 7")]
    [InlineData("1.0 ", "unexpected character '\\u0020' at position 3")]
    public void Rejects_invalid_versions(string text, string reason) => VersionAssert.Invalid<ApkVersion>(text, reason);

    [Fact]
    public void Rejects_common_garbage() => VersionAssert.RejectsCommonGarbage<ApkVersion>();

    [Fact]
    public void Default_value_is_zero()
    {
        Assert.Equal(ApkVersion.Parse("0"), default);
        Assert.Equal("0", default(ApkVersion).ToString());
    }

    [Fact]
    public void Is_a_total_order_on_generated_versions() => OrderingProperties.AssertTotalOrder<ApkVersion>(Generator);

    private static readonly Gen<string> Number = Gen.Elements("0", "1", "2", "10", "01", "00");

    private static readonly Gen<string> Generator =
        from first in Number
        from dotted in Gen.ListOf(Number.Select(n => "." + n), 3)
        from letter in Gen.Elements("", "", "a", "b")
        from suffixes in Gen.ListOf(
            from name in Gen.Elements("alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg", "p")
            from number in Gen.Elements("", "1", "2", "01")
            select "_" + name + number,
            2)
        from hash in Gen.Elements("", "", "~0a", "~1b", "~0a1")
        from revision in Gen.Elements("", "-r0", "-r1", "-r10", "-r01")
        select first + string.Concat(dotted.Take(3)) + letter + string.Concat(suffixes.Take(2)) + hash + revision;
}
