using FsCheck;
using FsCheck.Fluent;
using Vigil.VulnDb.Versions.Generic;

namespace Vigil.VulnDb.Tests.Versions.Generic;

public class GenericVersionTests
{
    [Theory]
    [InlineData("1.0", "1.0", 0)]
    [InlineData("1.0", "1-0", 0)]
    [InlineData("1.0", "1_0", 0)]
    [InlineData("1.2", "1.10", -1)]
    [InlineData("1.02", "1.2", 0)]
    [InlineData("1.0", "1.0.1", -1)]
    [InlineData("1.0-beta", "1.0", -1)]
    [InlineData("1.0-beta", "1.0-rc", -1)]
    [InlineData("1.0-BETA", "1.0-beta", 0)]
    [InlineData("1.0a", "1.0b", -1)]
    [InlineData("1.0a", "1.0.1", -1)]
    [InlineData("r100", "r99", 1)]
    [InlineData("2024-01-02", "2023-12-31", 1)]
    [InlineData("v2", "v10", -1)]
    [InlineData("1.0.0-rc.1", "1.0.0-rc.2", -1)]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567891", -1)]
    [InlineData("1.0+build", "1.0", -1)]
    public void Orders_numbers_numerically_and_text_before_numbers(string a, string b, int expected) =>
        VersionAssert.Ordered<GenericVersion>(a, b, expected);

    [Theory]
    [InlineData("1.0 1", "whitespace")]
    [InlineData("...", "no letter or digit")]
    [InlineData("é", "no letter or digit")]
    public void Rejects_invalid_versions(string text, string reason) => VersionAssert.Invalid<GenericVersion>(text, reason);

    [Fact]
    public void Rejects_common_garbage() => VersionAssert.RejectsCommonGarbage<GenericVersion>();

    [Fact]
    public void Default_value_sorts_first() => Assert.True(default(GenericVersion) < GenericVersion.Parse("0"));

    [Fact]
    public void Is_a_total_order_on_generated_versions() => OrderingProperties.AssertTotalOrder<GenericVersion>(Generator);

    private static readonly Gen<string> Generator =
        Gen.NonEmptyListOf(Gen.Elements("0", "1", "01", "10", "a", "A", "beta", "rc", ".", "-", "_", "+", "~"))
            .Select(parts => string.Concat(parts.Take(8)))
            .Where(text => text.Any(char.IsAsciiLetterOrDigit));
}
