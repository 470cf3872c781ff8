namespace Vigil.Cli.Tests;

public sealed class DemoCommandTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Fact]
    public void Demo_SucceedsAndReportsTheSampleFindings()
    {
        Assert.True(demo.ExitCode == 0, demo.Stderr);
        foreach (var id in new[] { "CVE-2023-4911", "CVE-2023-5678", "CVE-2023-45853", "CVE-2020-8203", "CVE-2021-23337", "CVE-2021-44906", "CVE-2020-1747", "CVE-2024-21907" })
        {
            Assert.Contains(id, demo.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Demo_LeavesOutFixedWithdrawnAndDeletedPackages()
    {
        Assert.DoesNotContain("CVE-2022-37434", demo.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("GHSA-9vvw-cc9w-f27h", demo.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("left-pad", demo.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_MergesAliasesIntoOneFinding()
    {
        // GHSA-6757-jp84-gxfx and PYSEC-2020-96 describe the same PyYAML flaw: one row, not two.
        var rows = demo.Stdout.Split('\n').Count(line => line.Contains("CVE-2020-1747", StringComparison.Ordinal));
        Assert.Equal(1, rows);
    }

    [Fact]
    public void Demo_ExplainsNextSteps()
    {
        Assert.Contains("Next steps", demo.Stdout, StringComparison.Ordinal);
        Assert.Contains("vigil db update", demo.Stdout, StringComparison.Ordinal);
    }
}
