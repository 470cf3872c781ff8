namespace Vigil.Cli.Tests;

/// <summary><c>vigil policy test IMAGE</c> on the demo image and database: the explanation and the exit codes.</summary>
public sealed class PolicyTestCommandTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private string[] Test(params string[] extra) => ["policy", "test", demo.Layout, "--cache-dir", demo.CacheDir, .. extra];

    [Fact]
    public async Task Default_policy_denies_with_exit_code_1_naming_every_blocking_id_and_its_fix()
    {
        Assert.True(demo.ExitCode == 0, demo.Stderr);

        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Test());

        Assert.True(exitCode == 1, stderr);
        Assert.StartsWith("Vigil denied image ", stdout, StringComparison.Ordinal);
        Assert.Contains("Decision: DENIED (mode enforce)", stdout, StringComparison.Ordinal);
        Assert.Contains("  BLOCKS   CVE-2021-44906 in minimist 1.2.0 (CRITICAL, fixed in 1.2.6): CRITICAL is above maxSeverity MEDIUM", stdout, StringComparison.Ordinal);
        Assert.Contains("  BLOCKS   CVE-2023-4911 in libc6 2.36-9+deb12u1 (HIGH, fixed in 2.36-9+deb12u3): HIGH is above maxSeverity MEDIUM", stdout, StringComparison.Ordinal);
        Assert.Equal(6, stdout.Split('\n').Count(l => l.StartsWith("  BLOCKS ", StringComparison.Ordinal)));
        Assert.Contains("  passes   CVE-2023-45853 in zlib1g 1:1.2.13.dfsg-1 (LOW): LOW is within maxSeverity MEDIUM", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_with_allowed_ids_passes_with_exit_code_0_and_says_why_each_finding_passes()
    {
        var policy = await WritePolicyAsync("pass.yaml", """
            maxSeverity: high
            allow:
              - id: CVE-2020-1747
                reason: pyyaml only loads trusted files
                expires: 2099-12-31
              - id: CVE-2021-44906
                package: minimist
            """);

        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Test("--policy", policy));

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("Decision: ALLOWED (mode enforce)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("BLOCKS", stdout, StringComparison.Ordinal);
        Assert.Contains("  passes   CVE-2020-1747 in pyyaml 5.3 (CRITICAL): allowed by policy until 2100-01-01 00:00 UTC: pyyaml only loads trusted files", stdout, StringComparison.Ordinal);
        Assert.Contains("  passes   CVE-2021-44906 in minimist 1.2.0 (CRITICAL): allowed by policy", stdout, StringComparison.Ordinal);
        Assert.Contains("  passes   CVE-2023-4911 in libc6 2.36-9+deb12u1 (HIGH): HIGH is within maxSeverity HIGH", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exempted_namespace_and_audit_mode_warn_with_exit_code_0()
    {
        var exempt = await WritePolicyAsync("exempt.yaml", "maxSeverity: low\nexemptions:\n  - namespace: legacy-*\n    expires: 2099-01-01\n");
        var audit = await WritePolicyAsync("audit.yaml", "mode: audit\n");

        var (exemptCode, exemptOut, exemptErr) = await VigilProcess.RunAsync(Test("--policy", exempt, "--namespace", "legacy-shop"));
        var (otherCode, _, _) = await VigilProcess.RunAsync(Test("--policy", exempt, "--namespace", "shop"));
        var (auditCode, auditOut, auditErr) = await VigilProcess.RunAsync(Test("--policy", audit));

        Assert.True(exemptCode == 0, exemptErr);
        Assert.Contains("7 finding(s) would block but the workload is exempted (namespace legacy-*)", exemptOut, StringComparison.Ordinal);
        Assert.Contains("Decision: WARNED (mode enforce)", exemptOut, StringComparison.Ordinal);
        Assert.Equal(1, otherCode);
        Assert.True(auditCode == 0, auditErr);
        Assert.Contains("Decision: WARNED (mode audit)", auditOut, StringComparison.Ordinal);
        Assert.Contains("  BLOCKS   CVE-2020-1747 in pyyaml 5.3 (CRITICAL, fixed in 5.3.1)", auditOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_policy_is_a_usage_error_naming_line_and_column()
    {
        var policy = await WritePolicyAsync("bad.yaml", "maxSeverity: urgent\n");

        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Test("--policy", policy));

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("bad.yaml", stderr, StringComparison.Ordinal);
        Assert.Contains("maxSeverity 'urgent' is not a severity", stderr, StringComparison.Ordinal);
    }

    private async Task<string> WritePolicyAsync(string name, string yaml)
    {
        var path = Path.Combine(demo.Directory, "policies", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, yaml);
        return path;
    }
}
