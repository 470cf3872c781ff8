using Vigil.Analyzers.PyPi;
using Vigil.Analyzers.Tests.Support;

namespace Vigil.Analyzers.Tests.PyPi;

public sealed class PythonPackageAnalyzerTests
{
    private readonly PythonPackageAnalyzer _analyzer = new();

    [Theory]
    [InlineData("/usr/lib/python3/site-packages/PyYAML-5.3.dist-info/METADATA", "Metadata-Version: 2.1\nName: PyYAML\nVersion: 5.3\nLicense: MIT\n\nbody Name: other\n", "pyyaml", "5.3", "MIT")]
    [InlineData("/x/zope.interface-6.0.egg-info/PKG-INFO", "Metadata-Version: 1.1\nName: zope.interface\nVersion: 6.0\nLicense: UNKNOWN\nClassifier: License :: OSI Approved :: Zope Public License\n", "zope-interface", "6.0", "Zope Public License")]
    [InlineData("/usr/lib/python3/dist-packages/Foo_Bar-1.0.egg-info", "Name: Foo__Bar\nVersion: 1.0\nLicense-Expression: Apache-2.0\n", "foo-bar", "1.0", "Apache-2.0")]
    [InlineData("/x/pkg-1.0-py3.egg/EGG-INFO/PKG-INFO", "Name: urllib3\nVersion: 1.24.1\n", "urllib3", "1.24.1", "")]
    public async Task ReadsNormalizedName(string path, string content, string name, string version, string license)
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, path, content);

        var package = Assert.Single(result.Packages);
        Assert.Equal((name, version, $"pkg:pypi/{name}@{version}"), (package.Name, package.Version, package.Purl));
        Assert.Equal(license, string.Join(',', package.Licenses));
        Assert.Equal("PyPI", package.Ecosystem.ToString());
    }

    [Theory]
    [InlineData("Friendly-Bard", "friendly-bard")]
    [InlineData("FRIENDLY-BARD", "friendly-bard")]
    [InlineData("friendly.bard", "friendly-bard")]
    [InlineData("friendly_bard", "friendly-bard")]
    [InlineData("friendly--bard", "friendly-bard")]
    [InlineData("FrIeNdLy-._.-bArD", "friendly-bard")]
    public void Pep503(string name, string expected) => Assert.Equal(expected, PythonNames.Normalize(name));

    [Fact]
    public async Task MissingVersion_Warns()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/x/a-1.dist-info/METADATA", "Name: a\n");

        Assert.Empty(result.Packages);
        Assert.Equal("/x/a-1.dist-info/METADATA", Assert.Single(result.Warnings).Source);
    }

    [Fact]
    public async Task BinaryGarbage_Throws_InvalidData()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => AnalyzerRunner.RunAsync(_analyzer, "/x/a-1.dist-info/METADATA", [0x4e, 0, 0x3a, 0x0a]));
    }

    [Theory]
    [InlineData("/x/a-1.dist-info/METADATA", true)]
    [InlineData("/x/a-1.dist-info/RECORD", false)]
    [InlineData("/x/a.egg-info/PKG-INFO", true)]
    [InlineData("/x/a.egg-info/requires.txt", false)]
    [InlineData("/x/METADATA", false)]
    public void IsRequired(string path, bool expected) => Assert.Equal(expected, _analyzer.IsRequired(AnalyzerRunner.File(path)));
}
