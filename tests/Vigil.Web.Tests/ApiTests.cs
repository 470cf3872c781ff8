using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.Web.Tests;

public sealed class ApiTests(SeededWebApp app) : IClassFixture<SeededWebApp>
{
    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Overview_counts_match_the_seeded_data()
    {
        using var client = app.CreateClient();

        var json = await GetJsonAsync(client, "/api/v1/overview");

        var overview = json.GetProperty("overview");
        var expectedTotal = app.Seed.Workloads.Sum(w => w.Containers.Select(c => c.Digest).Distinct()
            .Sum(d => app.Seed.Findings.TryGetValue(d, out var f) ? f.Count : 0));
        Assert.Equal(expectedTotal, overview.GetProperty("counts").GetProperty("total").GetInt64());
        Assert.Equal(app.Seed.Workloads.Count, overview.GetProperty("workloads").GetInt32());
        Assert.StartsWith("osv-", overview.GetProperty("databaseVersion").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, json.GetProperty("worstWorkloads").GetArrayLength());
        Assert.Equal(30, json.GetProperty("trend").GetArrayLength());
    }

    [Fact]
    public async Task Search_for_a_cve_returns_every_affected_workload()
    {
        using var client = app.CreateClient();

        var json = await GetJsonAsync(client, "/api/v1/search?q=CVE-2021-44228&limit=5000");

        var expected = app.Seed.WorkloadsAffectedBy("CVE-2021-44228").Select(k => k.ToString()).Order(StringComparer.Ordinal).ToList();
        var actual = json.GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("workload"))
            .Select(w => $"{w.GetProperty("cluster").GetString()}/{w.GetProperty("namespace").GetString()}/{w.GetProperty("kind").GetString()}/{w.GetProperty("name").GetString()}")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.Equal("Vulnerability", json.GetProperty("kind").GetString());
        Assert.Equal(expected.Count, json.GetProperty("affectedWorkloads").GetInt32());
    }

    [Fact]
    public async Task Search_by_ghsa_alias_finds_the_same_workloads_as_the_cve()
    {
        using var client = app.CreateClient();

        var byGhsa = await GetJsonAsync(client, "/api/v1/search?q=GHSA-jfh8-c2jp-5v3q&limit=5000");
        var byCve = await GetJsonAsync(client, "/api/v1/search?q=CVE-2021-44228&limit=5000");

        Assert.Equal(byCve.GetProperty("totalHits").GetInt32(), byGhsa.GetProperty("totalHits").GetInt32());
    }

    [Fact]
    public async Task Image_endpoint_returns_the_image_and_its_findings_with_digest_strings()
    {
        using var client = app.CreateClient();
        var (digest, findings) = app.Seed.Findings.First(f => f.Value.Count > 0);

        var json = await GetJsonAsync(client, "/api/v1/images/" + Uri.EscapeDataString(digest.ToString()));

        Assert.Equal(digest.ToString(), json.GetProperty("image").GetProperty("digest").GetString());
        Assert.Equal(findings.Count, json.GetProperty("findings").GetArrayLength());
        var first = json.GetProperty("findings")[0];
        Assert.True(first.TryGetProperty("fixedVersion", out _));
        Assert.Equal(JsonValueKind.Array, first.GetProperty("references").ValueKind);
        Assert.Contains(first.GetProperty("severity").GetString(), new[] { "Critical", "High", "Medium", "Low", "Unknown" });
    }

    [Fact]
    public async Task Namespace_and_workload_endpoints_follow_the_hierarchy()
    {
        using var client = app.CreateClient();
        var namespaces = await GetJsonAsync(client, "/api/v1/namespaces");
        var ns = namespaces[0];
        var cluster = ns.GetProperty("cluster").GetString()!;
        var name = ns.GetProperty("namespace").GetString()!;

        var detail = await GetJsonAsync(client, $"/api/v1/namespaces/{cluster}/{name}");
        var workload = detail.GetProperty("workloads")[0].GetProperty("key");
        var workloadJson = await GetJsonAsync(client, $"/api/v1/workloads/{cluster}/{name}/{workload.GetProperty("kind").GetString()}/{workload.GetProperty("name").GetString()}");

        Assert.Equal(ns.GetProperty("workloads").GetInt32(), detail.GetProperty("workloads").GetArrayLength());
        Assert.NotEmpty(workloadJson.GetProperty("workload").GetProperty("containers").EnumerateArray());
        Assert.StartsWith("sha256:", workloadJson.GetProperty("workload").GetProperty("containers")[0].GetProperty("container").GetProperty("digest").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suppressions_endpoint_lists_those_in_force()
    {
        using var client = app.CreateClient();

        var json = await GetJsonAsync(client, "/api/v1/suppressions");
        var all = await GetJsonAsync(client, "/api/v1/suppressions?includeExpired=true");

        Assert.Equal(app.Seed.Suppressions.Count(s => s.IsInForce(app.Time.GetUtcNow())), json.GetArrayLength());
        Assert.Equal(app.Seed.Suppressions.Count, all.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/images/not-a-digest", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/images/sha256:0000000000000000000000000000000000000000000000000000000000000000", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/namespaces/prod-eu-1/nope", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/workloads/prod-eu-1/payments/Deployment/nope", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/search", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/search?q=x&limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/search?q=x&kind=bogus", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/search?q=x&offset=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/workloads/worst?count=100000", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/trend?days=0", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_get_a_clear_error(string path, HttpStatusCode expected)
    {
        using var client = app.CreateClient();

        var json = await GetJsonAsync(client, path, expected);

        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task OpenApi_document_describes_every_api_route()
    {
        using var client = app.CreateClient();

        var json = await GetJsonAsync(client, "/openapi/v1.json");

        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal("Vigil API", json.GetProperty("info").GetProperty("title").GetString());
        foreach (var expected in new[]
        {
            "/api/v1/overview", "/api/v1/workloads/worst", "/api/v1/trend", "/api/v1/namespaces", "/api/v1/namespaces/{cluster}/{namespace}",
            "/api/v1/workloads/{cluster}/{namespace}/{kind}/{name}", "/api/v1/images/{digest}", "/api/v1/search", "/api/v1/suppressions",
        })
        {
            Assert.Contains(expected, paths);
        }

        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/v1/", StringComparison.Ordinal));
        var search = json.GetProperty("paths").GetProperty("/api/v1/search").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("description").GetString());
        Assert.Equal(["kind", "limit", "offset", "q"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.All(parameters.Values, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.Contains("hasMore", search.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_are_not_accepted()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/v1/suppressions", UriKind.Relative), JsonContent.Create(new { id = "CVE-1" }));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
