using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigil.Core;
using Vigil.Gates.Cache;
using Vigil.Gates.Policy;
using Vigil.Gates.Tests.Admission;
using Vigil.Gates.Tests.Support;
using Vigil.Kubernetes.Entities;
using static Vigil.Gates.Tests.TestFindings;

namespace Vigil.Gates.Tests.Policy;

/// <summary>The admission gate following a VigilPolicy object through the fake API server: create, update, drop, 410, delete.</summary>
public sealed class KubernetesPolicySourceTests
{
    private static readonly string PodReview = Path.Combine(AppContext.BaseDirectory, "Admission", "testdata", "pod-create.json");

    [Fact]
    public async Task Admission_verdict_follows_the_VigilPolicy_through_updates_dropped_watches_410_and_delete()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var cache = new MemoryFindingCache();
        await cache.SetAsync(Scan(DigestA, DateTimeOffset.UtcNow, Create("CVE-2024-7777", Severity.High, "1.0.2")), default);
        await cluster.CreatePolicyAsync("default", new VigilPolicySpec { MaxSeverity = "high" });
        using var source = new KubernetesPolicySource(cluster.Client, GatePolicy.Default with { UnknownImage = UnknownImageAction.Allow },
            Options.Create(new KubernetesPolicySourceOptions { ReconnectDelay = TimeSpan.FromMilliseconds(50) }), NullLogger<KubernetesPolicySource>.Instance);
        await source.StartAsync(default);
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default, null, policies: source, findingCache: cache);

        // maxSeverity high: the HIGH finding is allowed.
        await FakeCluster.WaitUntilAsync(() => source.Current.MaxSeverity == Severity.High, "policy from the cluster");
        Assert.True(await AllowedAsync(server));

        // Tightened in the cluster: the same request is now denied, naming the id and its fix.
        await cluster.ReplacePolicyAsync("default", new VigilPolicySpec { MaxSeverity = "medium" });
        await FakeCluster.WaitUntilAsync(() => source.Current.MaxSeverity == Severity.Medium, "tightened policy");
        var denied = await ReviewAsync(server);
        Assert.False((bool)denied["allowed"]!);
        Assert.Contains("CVE-2024-7777 in openssl 1.0.0 (HIGH, fixed in 1.0.2)", (string?)denied["status"]!["message"], StringComparison.Ordinal);

        // The watch breaks: the change made meanwhile still arrives (resumed from the last resource version).
        Assert.True(cluster.Server.DropWatches() >= 1);
        await cluster.ReplacePolicyAsync("default", new VigilPolicySpec { MaxSeverity = "medium", Mode = "audit" });
        await FakeCluster.WaitUntilAsync(() => source.Current.Mode == PolicyMode.Audit, "audit after a dropped watch");
        var warned = await ReviewAsync(server);
        Assert.True((bool)warned["allowed"]!);
        Assert.Contains("CVE-2024-7777", (string?)warned["warnings"]![0], StringComparison.Ordinal);

        // History compacted and the watch dropped: 410 Gone, then a fresh list picks up the latest state.
        await cluster.ReplacePolicyAsync("default", new VigilPolicySpec { MaxSeverity = "critical", Mode = "enforce" });
        cluster.Server.CompactHistory();
        cluster.Server.DropWatches();
        await FakeCluster.WaitUntilAsync(() => source.Current.MaxSeverity == Severity.Critical && source.Current.Mode == PolicyMode.Enforce, "policy after 410");
        Assert.True(await AllowedAsync(server));

        // Deleted: the fallback policy (the file, here maxSeverity medium) is in force again.
        await cluster.DeletePolicyAsync("default");
        await FakeCluster.WaitUntilAsync(() => source.AppliedResourceVersion is null, "fallback after delete");
        Assert.False(await AllowedAsync(server));
        await source.StopAsync(default);
        Assert.Empty(cluster.Server.Faults);
    }

    [Fact]
    public async Task Without_the_crd_the_fallback_holds_one_warning_is_logged_and_retries_back_off_until_it_is_installed()
    {
        await using var cluster = await FakeCluster.StartAsync(installCrds: false);
        var log = new CapturingLogger<KubernetesPolicySource>();
        var fallback = GatePolicy.Default with { MaxSeverity = Severity.Low };
        var settings = new KubernetesPolicySourceOptions { ReconnectDelay = TimeSpan.FromMilliseconds(20), MaxReconnectDelay = TimeSpan.FromMilliseconds(300) };
        using var source = new KubernetesPolicySource(cluster.Client, fallback, Options.Create(settings), log);
        await source.StartAsync(default);

        await FakeCluster.WaitUntilAsync(() => log.Lines.Any(l => l.StartsWith("Warning:", StringComparison.Ordinal)), "the first failed list");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(Severity.Low, source.Current.MaxSeverity);
        var warning = Assert.Single(log.Lines, l => l.StartsWith("Warning:", StringComparison.Ordinal));
        Assert.Contains("HTTP 404: the VigilPolicy CRD (vigilpolicies.vigil.dev) is not installed; the fallback policy is in force", warning, StringComparison.Ordinal);
        // A fixed 20 ms pause would have listed about 75 times in 1.5 s; doubling up to 300 ms lists about 8 times.
        var attempts = log.Lines.Count(l => l.Contains("Watching policies", StringComparison.Ordinal));
        Assert.InRange(attempts, 2, 15);

        // Installed later: picked up at the next attempt, with no restart.
        await cluster.InstallCrdsAsync();
        await cluster.CreatePolicyAsync("default", new VigilPolicySpec { MaxSeverity = "high" });
        await FakeCluster.WaitUntilAsync(() => source.Current.MaxSeverity == Severity.High, "policy once the CRD exists");
        await source.StopAsync(default);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 4)]
    [InlineData(4, 32)]
    [InlineData(7, 256)]
    [InlineData(8, 300)]
    [InlineData(1000, 300)]
    public void Retry_pauses_double_per_failure_up_to_the_cap(int failures, int seconds)
    {
        var settings = new KubernetesPolicySourceOptions { ReconnectDelay = TimeSpan.FromSeconds(2), MaxReconnectDelay = TimeSpan.FromMinutes(5) };

        Assert.Equal(TimeSpan.FromSeconds(seconds), KubernetesPolicySource.RetryDelay(settings, failures));
    }

    [Fact]
    public async Task Invalid_spec_keeps_the_previous_policy_and_other_names_are_ignored()
    {
        await using var cluster = await FakeCluster.StartAsync();
        using var source = new KubernetesPolicySource(cluster.Client, GatePolicy.Default,
            Options.Create(new KubernetesPolicySourceOptions { Name = "gate" }), NullLogger<KubernetesPolicySource>.Instance);
        await source.StartAsync(default);

        await cluster.CreatePolicyAsync("gate", new VigilPolicySpec { MaxSeverity = "critical", UnknownImage = "allow" });
        await FakeCluster.WaitUntilAsync(() => source.Current.MaxSeverity == Severity.Critical, "valid policy");
        var applied = source.AppliedResourceVersion;
        await cluster.ReplacePolicyAsync("gate", new VigilPolicySpec { MaxSeverity = "urgent" });
        await cluster.CreatePolicyAsync("other", new VigilPolicySpec { MaxSeverity = "low" });
        await cluster.CreatePolicyAsync("marker", new VigilPolicySpec());

        // Both later events have been seen once the watch delivered them; the policy in force is unchanged.
        await Task.Delay(500);
        Assert.Equal(Severity.Critical, source.Current.MaxSeverity);
        Assert.Equal(UnknownImageAction.Allow, source.Current.UnknownImage);
        Assert.Equal(applied, source.AppliedResourceVersion);
        await source.StopAsync(default);
    }

    private static async Task<bool> AllowedAsync(AdmissionTestServer server) => (bool)(await ReviewAsync(server))["allowed"]!;

    private static async Task<JsonNode> ReviewAsync(AdmissionTestServer server)
    {
        var body = await File.ReadAllTextAsync(PodReview);
        using var response = await server.Client.PostAsync("/validate", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["response"]!;
    }
}
