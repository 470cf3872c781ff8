namespace Vigil.Cli.Tests.Controller;

/// <summary><c>vigil controller</c> refuses bad settings before it connects to anything.</summary>
public sealed class ControllerOptionTests
{
    [Theory]
    [InlineData("Prod")]
    [InlineData("prod/eu")]
    [InlineData("-prod")]
    [InlineData("")]
    public async Task A_cluster_name_that_cannot_be_a_url_segment_is_a_usage_error(string name)
    {
        var (exitCode, _, stderr) = await VigilProcess.RunAsync(
            ["controller", "--cluster-name", name, "--kubeconfig", "/nonexistent/kubeconfig"], clusterSide: true);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--cluster-name must be 1–63 lowercase letters", stderr, StringComparison.Ordinal);
    }
}
