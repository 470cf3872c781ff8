using System.Text.Json;

namespace Vigil.Cli.Tests;

public sealed class SbomCommandTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Theory]
    [InlineData("cyclonedx", "bomFormat")]
    [InlineData("spdx", "spdxVersion")]
    [InlineData("json", "packages")]
    public async Task Sbom_WritesEachFormat(string format, string property)
    {
        Assert.True(demo.ExitCode == 0, demo.Stderr);
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(["sbom", "--input", demo.Layout, "--cache-dir", demo.CacheDir, "--format", format]);
        Assert.True(exitCode == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.TryGetProperty(property, out _), stdout[..Math.Min(400, stdout.Length)]);
        Assert.Contains("minimist", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("left-pad", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sbom_TableListsPackagesWithSourceNames()
    {
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(["sbom", "--input", demo.Layout, "--cache-dir", demo.CacheDir, "--format", "table"]);
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("libc6", stdout, StringComparison.Ordinal);
        Assert.Contains("glibc", stdout, StringComparison.Ordinal);
        Assert.Contains("Debian:12", stdout, StringComparison.Ordinal);
    }
}
