using Vigil.Core;
using Vigil.Reporting.Filtering;

namespace Vigil.Reporting.Tests.Filtering;

public class PackageTypeSelectionTests
{
    [Theory]
    [InlineData("os", new[] { PackageType.Os })]
    [InlineData("library", new[] { PackageType.Library })]
    [InlineData("OS,lib", new[] { PackageType.Os, PackageType.Library })]
    [InlineData(" os , library ", new[] { PackageType.Os, PackageType.Library })]
    public void Parses_type_lists(string text, PackageType[] expected)
    {
        Assert.Equal(expected.Order(), PackageTypeSelection.Parse(text).Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("binary")]
    [InlineData("os,,app")]
    public void Rejects_unknown_types(string text)
    {
        Assert.False(PackageTypeSelection.TryParse(text, out _, out var error));
        Assert.NotNull(error);
    }
}
