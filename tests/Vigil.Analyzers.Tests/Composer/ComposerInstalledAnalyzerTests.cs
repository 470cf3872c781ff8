using Vigil.Analyzers.Composer;
using Vigil.Analyzers.Tests.Support;

namespace Vigil.Analyzers.Tests.Composer;

public sealed class ComposerInstalledAnalyzerTests
{
    private readonly ComposerInstalledAnalyzer _analyzer = new();

    [Theory]
    [InlineData("""[{"name":"monolog/monolog","version":"1.23.0","license":["MIT"]},{"name":"x"}]""")]
    [InlineData("""{"packages":[{"name":"monolog/monolog","version":"1.23.0","license":["MIT"]},{"version":"1"}],"dev":true}""")]
    public async Task V1AndV2Shapes(string json)
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/var/www/vendor/composer/installed.json", json);

        var package = Assert.Single(result.Packages);
        Assert.Equal(("monolog/monolog", "1.23.0", "pkg:composer/monolog/monolog@1.23.0", "Packagist"), (package.Name, package.Version, package.Purl, package.Ecosystem.ToString()));
        Assert.Equal(["MIT"], package.Licenses);
    }

    [Theory]
    [InlineData("{\"no\":\"packages\"}")]
    [InlineData("not json")]
    public async Task WrongShape_Throws_InvalidData(string json)
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => AnalyzerRunner.RunAsync(_analyzer, "/vendor/composer/installed.json", json));
    }

    [Theory]
    [InlineData("/var/www/vendor/composer/installed.json", true)]
    [InlineData("/var/www/composer.json", false)]
    [InlineData("/var/www/vendor/composer/installed.php", false)]
    public void IsRequired(string path, bool expected) => Assert.Equal(expected, _analyzer.IsRequired(AnalyzerRunner.File(path)));
}
