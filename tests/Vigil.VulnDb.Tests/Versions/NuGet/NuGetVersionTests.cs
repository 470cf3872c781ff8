using FsCheck;
using FsCheck.Fluent;
using Vigil.VulnDb.Versions.NuGet;

namespace Vigil.VulnDb.Tests.Versions.NuGet;

public class NuGetVersionTests
{
    // Cases modelled on NuGet.Versioning's VersionComparerTests and semver.org; every expected sign is what
    // NuGet.Versioning 6.7's NuGetVersion.CompareTo answers.
    [Theory]
    [InlineData("1.0.0", "1.0.0", 0)]
    [InlineData("1.0.0-BETA", "1.0.0-beta", 0)]
    [InlineData("1.0.0-BETA+AA", "1.0.0-beta+aa", 0)]
    [InlineData("1.0.0-BETA.X.y.5.77.0+AA", "1.0.0-beta.x.y.5.77.0+aa", 0)]
    [InlineData("1.0", "1.0.0.0", 0)]
    [InlineData("1.0+test", "1.0.0.0", 0)]
    [InlineData("1.0.0.1-1.2.A", "1.0.0.1-1.2.a+A", 0)]
    [InlineData("1.0.01", "1.0.1", 0)]
    [InlineData("1.0.0", "1.0.1", -1)]
    [InlineData("1.0.0", "2.0.0", -1)]
    [InlineData("1.0.0.0", "1.0.0.1", -1)]
    [InlineData("1.0.0-alpha", "1.0.0", -1)]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1", -1)]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta", -1)]
    [InlineData("1.0.0-alpha.beta", "1.0.0-beta", -1)]
    [InlineData("1.0.0-beta", "1.0.0-beta.2", -1)]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11", -1)]
    [InlineData("1.0.0-beta.11", "1.0.0-rc.1", -1)]
    [InlineData("1.0.0-rc.1", "1.0.0", -1)]
    [InlineData("1.0.0-2", "1.0.0-10", -1)]
    [InlineData("1.0.0-a", "1.0.0-B", -1)]
    [InlineData("1.0.0-1", "1.0.0-a", -1)]
    [InlineData("1.0.0-2147483648", "1.0.0-2147483647", 1)]
    [InlineData("1.0.0-2147483648", "1.0.0-a", -1)]
    [InlineData("1.0.0-Alpha-1", "1.0.0-alpha.1", 1)]
    [InlineData("1.0.0-a.b", "1.0.0-a", 1)]
    [InlineData("2.0", "1.99.99.99", 1)]
    [InlineData("1.0.0.1", "1.0.1", -1)]
    [InlineData("1", "1.0", 0)]
    [InlineData("1.2.3.4-beta", "1.2.3.4", -1)]
    [InlineData("5.0.0-preview.7.20364.11", "5.0.0-rc.1.20451.14", -1)]
    [InlineData("6.0.0-rc.2.21480.5", "6.0.0", -1)]
    [InlineData("13.0.1", "13.0.3", -1)]
    public void Orders_like_nuget_versioning(string a, string b, int expected) =>
        VersionAssert.Ordered<NuGetVersion>(a, b, expected);

    // NuGet.Versioning 6.7 accepts each of these.
    [Theory]
    [InlineData("1")]
    [InlineData("1.0")]
    [InlineData("1.0.0.0")]
    [InlineData("01.02.03")]
    [InlineData("1.0.0-a+b.c")]
    [InlineData(" 1.0.0")]
    [InlineData("1.0.0 ")]
    [InlineData("2147483647.0.0")]
    [InlineData("1.0-1.0+metadata-1")]
    [InlineData("1.0.0-x-y")]
    public void Accepts_what_nuget_accepts(string text) => VersionAssert.Valid<NuGetVersion>(text);

    // NuGet.Versioning 6.7 rejects each of these.
    [Theory]
    [InlineData("1.0.0.0.0")]
    [InlineData("1.0.0-01")]
    [InlineData("1.0.0-")]
    [InlineData("1.0.0+")]
    [InlineData("1.0.0-a..b")]
    [InlineData("1.0.0-a_b")]
    [InlineData("1.0.0+a..b")]
    [InlineData("1.0.0+a+b")]
    [InlineData("1.0.0-beta 1")]
    [InlineData("2147483648.0.0")]
    [InlineData("v1.0.0")]
    [InlineData("1.0.0.")]
    [InlineData(".1.0")]
    [InlineData("1..0")]
    [InlineData("a")]
    [InlineData("-1.0")]
    public void Rejects_what_nuget_rejects(string text) => VersionAssert.Invalid<NuGetVersion>(text, "is not a valid NuGet version");

    [Theory]
    [InlineData("1.0.0.0.0", "more than four numbers")]
    [InlineData("1.0.0-01", "numeric release label identifier '01' has a leading zero")]
    [InlineData("1.0.0-a..b", "the release label has an empty identifier")]
    [InlineData("1.0.0-a_b", "invalid character '_' in the release label")]
    [InlineData("1.0.0+a+b", "invalid character '+' in the metadata")]
    [InlineData("2147483648.0.0", "the number '2147483648' is too big")]
    [InlineData("v1.0.0", "'v1' is not a version number")]
    [InlineData("   ", "blank")]
    public void Explains_why_a_version_is_invalid(string text, string reason) => VersionAssert.Invalid<NuGetVersion>(text, reason);

    [Fact]
    public void Exposes_parts()
    {
        var version = NuGetVersion.Parse(" 1.2.3.4-Beta.2+sha.1 ");
        Assert.Equal((1, 2, 3, 4), (version.Major, version.Minor, version.Patch, version.Revision));
        Assert.True(version.IsPrerelease);
        Assert.Equal("Beta.2", version.Release);
        Assert.False(NuGetVersion.Parse("1.0+meta").IsPrerelease);
    }

    [Fact]
    public void Rejects_common_garbage() => VersionAssert.RejectsCommonGarbage<NuGetVersion>();

    [Fact]
    public void Default_value_is_zero() => Assert.Equal(NuGetVersion.Parse("0.0.0"), default);

    [Fact]
    public void Is_a_total_order_on_generated_versions() => OrderingProperties.AssertTotalOrder<NuGetVersion>(Generator);

    private static readonly Gen<string> Generator =
        from numbers in Gen.NonEmptyListOf(Gen.Elements("0", "1", "2", "10", "01"))
        from labels in Gen.ListOf(Gen.Elements("0", "1", "2", "10", "a", "A", "beta", "Beta", "rc", "x-y", "99999999999"), 3)
        from metadata in Gen.Elements("", "", "+sha", "+001")
        select string.Join('.', numbers.Take(4))
            + (labels.Count == 0 ? string.Empty : "-" + string.Join('.', labels.Take(3)))
            + metadata;
}
