using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Core;
using Vigil.Gates.Cache;
using Vigil.Gates.Policy;
using static Vigil.Gates.Tests.TestFindings;

namespace Vigil.Gates.Tests.Admission;

public sealed class AdmissionWebhookTests
{
    private static readonly string TestData = Path.Combine(AppContext.BaseDirectory, "Admission", "testdata");
    private readonly MemoryFindingCache cache = new();

    [Fact]
    public async Task Pod_with_clean_pinned_image_is_allowed_from_the_cache()
    {
        await cache.SetAsync(Scan(DigestA, DateTimeOffset.UtcNow, Create("CVE-2024-10", Severity.Low)), default);
        var scanner = new FakeGateScanner();
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default, cache, scanner);

        var (status, review) = await PostAsync(server, "pod-create.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("admission.k8s.io/v1", (string?)review["apiVersion"]);
        Assert.Equal("AdmissionReview", (string?)review["kind"]);
        Assert.Equal("705ab4f5-6393-11e8-b7cc-42010a800002", (string?)review["response"]!["uid"]);
        Assert.True((bool)review["response"]!["allowed"]!);
        Assert.Null(review["response"]!["warnings"]);
        Assert.Equal(0, scanner.TotalCalls);
    }

    [Fact]
    public async Task Deployment_with_vulnerable_image_is_denied_naming_every_blocking_id_and_fix()
    {
        await cache.SetAsync(Scan(DigestA, DateTimeOffset.UtcNow), default);
        await cache.SetAsync(Scan(DigestB, DateTimeOffset.UtcNow, Create("CVE-2024-6387", Severity.High, "1:9.2p1-2+deb12u3", "openssh-server"), Create("CVE-2023-4911", Severity.Critical, "2.36-9+deb12u3", "libc6"), Create("CVE-2024-0001", Severity.Low)), default);
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default, cache);

        var (status, review) = await PostAsync(server, "deployment-create.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var response = review["response"]!;
        Assert.Equal("d9f1c1a6-0c3e-4b8e-9a51-3c6a2f0d7b11", (string?)response["uid"]);
        Assert.False((bool)response["allowed"]!);
        Assert.Equal(403, (int)response["status"]!["code"]!);
        Assert.Equal(
            $"Vigil denied image registry.example.com/shop/api@{DigestB}: 2 vulnerabilities: CVE-2024-6387 in openssh-server 1.0.0 (HIGH, fixed in 1:9.2p1-2+deb12u3); CVE-2023-4911 in libc6 1.0.0 (CRITICAL, fixed in 2.36-9+deb12u3).",
            (string?)response["status"]!["message"]);
    }

    [Fact]
    public async Task Audit_mode_allows_with_warnings()
    {
        await cache.SetAsync(Scan(DigestA, DateTimeOffset.UtcNow), default);
        await cache.SetAsync(Scan(DigestB, DateTimeOffset.UtcNow, Create("CVE-2023-4911", Severity.Critical, "2.36-9+deb12u3", "libc6")), default);
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default with { Mode = PolicyMode.Audit }, cache);

        var (_, review) = await PostAsync(server, "deployment-create.json");

        var response = review["response"]!;
        Assert.True((bool)response["allowed"]!);
        Assert.Null(response["status"]);
        var warning = (string?)Assert.Single(response["warnings"]!.AsArray());
        Assert.StartsWith($"Vigil warns about image registry.example.com/shop/api@{DigestB}: would be blocked by 1 vulnerability: CVE-2023-4911 in libc6 1.0.0 (CRITICAL, fixed in 2.36-9+deb12u3).", warning, StringComparison.Ordinal);
        Assert.EndsWith("Audit mode: not blocked.", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_image_is_scanned_inline_when_the_budget_allows()
    {
        var scanner = new FakeGateScanner { Delay = TimeSpan.FromMilliseconds(50) };
        scanner.Findings[DigestA] = [Create("CVE-2024-1", Severity.Critical)];
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default, cache, scanner);

        var (_, review) = await PostAsync(server, "pod-create.json");

        Assert.False((bool)review["response"]!["allowed"]!);
        Assert.Contains("CVE-2024-1", (string?)review["response"]!["status"]!["message"], StringComparison.Ordinal);
        Assert.Equal(1, scanner.Calls(DigestA));
        Assert.NotNull(await cache.GetAsync(DigestA, default));
    }

    [Fact]
    public async Task Slow_scan_does_not_exceed_the_budget_and_the_retry_finds_the_verdict()
    {
        var scanner = new FakeGateScanner { Delay = TimeSpan.FromSeconds(1.5) };
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default, cache, scanner, budget: TimeSpan.FromMilliseconds(300));

        await PostAsync(server, "pod-delete.json"); // warm up: JIT and connection are not the gate's budget
        var clock = Stopwatch.StartNew();
        var (_, first) = await PostAsync(server, "pod-create.json");
        var elapsed = clock.Elapsed;

        Assert.True(elapsed < TimeSpan.FromSeconds(1.2), $"answered after {elapsed}");
        Assert.False((bool)first["response"]!["allowed"]!);
        Assert.Contains("did not finish within the time budget", (string?)first["response"]!["status"]!["message"], StringComparison.Ordinal);

        // The scan goes on in the background; once cached, the same request is answered from the cache.
        for (var i = 0; i < 100 && await cache.GetAsync(DigestA, default) is null; i++)
        {
            await Task.Delay(50);
        }

        var (_, second) = await PostAsync(server, "pod-create.json");
        Assert.True((bool)second["response"]!["allowed"]!);
        Assert.Equal(1, scanner.Calls(DigestA));
    }

    [Fact]
    public async Task Api_server_timeout_parameter_shortens_the_budget()
    {
        var scanner = new FakeGateScanner { Delay = TimeSpan.FromSeconds(5) };
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default with { UnknownImage = UnknownImageAction.Allow }, cache, scanner, budget: TimeSpan.FromSeconds(10));

        await PostAsync(server, "pod-delete.json"); // warm up: JIT and connection are not the gate's budget
        var clock = Stopwatch.StartNew();
        var (_, review) = await PostAsync(server, "pod-create.json", "?timeout=1s");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"answered after {clock.Elapsed}");
        Assert.True((bool)review["response"]!["allowed"]!);
        Assert.Contains("unknownImage: allow", (string?)review["response"]!["warnings"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tag_reference_is_decided_by_its_resolved_digest()
    {
        var resolver = new FakeDigestResolver();
        resolver.Tags["registry.example.com/batch/report:2.1"] = DigestB;
        await cache.SetAsync(Scan(DigestB, DateTimeOffset.UtcNow, Create("CVE-2024-77", Severity.High)), default);
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default, cache, resolver: resolver);

        var (_, review) = await PostAsync(server, "cronjob-create.json");

        Assert.False((bool)review["response"]!["allowed"]!);
        Assert.Contains($"registry.example.com/batch/report:2.1@{DigestB}: 1 vulnerability: CVE-2024-77", (string?)review["response"]!["status"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tag_reference_without_time_to_resolve_falls_back_to_unknown_image_policy()
    {
        var resolver = new FakeDigestResolver { Delay = TimeSpan.FromSeconds(5) };
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default, cache, resolver: resolver, budget: TimeSpan.FromMilliseconds(200));

        var (_, review) = await PostAsync(server, "cronjob-create.json");

        Assert.False((bool)review["response"]!["allowed"]!);
        Assert.Contains("referenced by tag ':2.1' and its digest could not be resolved within the time budget", (string?)review["response"]!["status"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_is_allowed_without_looking_at_images()
    {
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default, cache);

        var (_, review) = await PostAsync(server, "pod-delete.json");

        Assert.True((bool)review["response"]!["allowed"]!);
    }

    [Fact]
    public async Task Protected_namespace_is_never_blocked()
    {
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default, cache);
        var json = (await File.ReadAllTextAsync(Path.Combine(TestData, "pod-create.json"))).Replace("\"namespace\": \"shop\"", "\"namespace\": \"kube-system\"", StringComparison.Ordinal);

        using var response = await server.Client.PostAsync("/validate", new StringContent(json, Encoding.UTF8, "application/json"));
        var review = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True((bool)review["response"]!["allowed"]!);
    }

    [Theory]
    [InlineData("not json at all", "the body is not JSON")]
    [InlineData("[]", "not an AdmissionReview")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}", "has no request")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"kind\":{\"kind\":\"Pod\"},\"operation\":\"CREATE\"}}", "lacks uid")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"1\",\"kind\":{\"kind\":\"Pod\"},\"operation\":\"CREATE\",\"object\":\"pod\"}}", "not a JSON object")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"1\",\"kind\":{\"kind\":\"Deployment\"},\"operation\":\"CREATE\",\"object\":{\"spec\":{}}}}", "has no pod spec")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}", "not an AdmissionReview")]
    public async Task Malformed_reviews_get_400_with_the_reason(string body, string reason)
    {
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default, cache);

        using var response = await server.Client.PostAsync("/validate", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deeply_nested_and_oversized_bodies_are_refused()
    {
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default, cache);
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var huge = new byte[4 * 1024 * 1024];

        using var deepResponse = await server.Client.PostAsync("/validate", new StringContent(deep, Encoding.UTF8, "application/json"));
        using var hugeResponse = await server.Client.PostAsync("/validate", new ByteArrayContent(huge));

        Assert.Equal(HttpStatusCode.BadRequest, deepResponse.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, hugeResponse.StatusCode);
    }

    [Fact]
    public async Task Bad_image_reference_is_an_unknown_image()
    {
        await using var server = await AdmissionTestServer.StartAsync(GatePolicy.Default, cache);
        var json = (await File.ReadAllTextAsync(Path.Combine(TestData, "pod-create.json"))).Replace($"registry.example.com/shop/web@sha256:{DigestA.Hex}", "UPPER/Case:!!", StringComparison.Ordinal);

        using var response = await server.Client.PostAsync("/validate", new StringContent(json, Encoding.UTF8, "application/json"));
        var review = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.False((bool)review["response"]!["allowed"]!);
        Assert.Contains("malformed tag", (string?)review["response"]!["status"]!["message"], StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Review)> PostAsync(AdmissionTestServer server, string file, string query = "")
    {
        var body = await File.ReadAllTextAsync(Path.Combine(TestData, file));
        using var response = await server.Client.PostAsync("/validate" + query, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!);
    }
}
