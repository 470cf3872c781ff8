using System.Net;
using Vigil.Core;
using Vigil.Scanning.Results;
using Vigil.Web.Tests.Seeding;

namespace Vigil.Web.Tests;

/// <summary>Data in the store comes from clusters and advisories: labels, summaries and links may be hostile.</summary>
public sealed class HostileWebApp : SeededWebApp
{
    public static readonly Digest Image = Digest.Sha256("hostile"u8);

    protected override async Task<SeedResult> SeedAsync()
    {
        using var store = new SqliteResultStore(DatabasePath, Time);
        var workload = new Workload(new WorkloadKey("prod", "web", "Deployment", "shop\"><b>x<b>"), new Dictionary<string, string> { ["note"] = "<script>alert(1)</script>" });
        WorkloadContainer[] containers = [new("app", "evil.example/<img src=x onerror=alert(2)>:1", "evil.example/app", Image)];
        await store.UpsertWorkloadAsync(workload, containers, CancellationToken.None);
        StoredFinding[] findings =
        [
            new("CVE-2024-0001", Severity.High, "pkg<svg onload=alert(3)>", "1.0")
            {
                Summary = "<iframe src=javascript:alert(4)>",
                References = ["javascript:alert(5)", "data:text/html,<script>alert(6)</script>", "https://ok.example/advisory"],
                FixedVersion = "1.1",
            },
        ];
        await store.ReplaceStoredFindingsAsync(new ImageScanInfo(Image, "db-1", Time.GetUtcNow()), findings, CancellationToken.None);
        return new SeedResult([(workload, containers)], new Dictionary<Digest, IReadOnlyList<StoredFinding>> { [Image] = findings }, []);
    }
}

public sealed class HostileDataTests(HostileWebApp app) : IClassFixture<HostileWebApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/namespaces/prod/web")]
    [InlineData("/workloads/prod/web/Deployment/shop%22%3E%3Cb%3Ex%3Cb%3E")]
    [InlineData("/search?q=CVE-2024-0001")]
    [InlineData("/search?q=%3Cscript%3Ealert(7)%3C%2Fscript%3E")]
    public async Task Hostile_text_is_encoded_and_hostile_links_are_not_links(string path)
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg onload", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_page_links_only_http_references_and_encodes_summaries()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync(new Uri("/images/" + HostileWebApp.Image, UriKind.Relative));

        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://ok.example/advisory\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;iframe src=javascript:alert(4)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_forbid_scripts_and_framing()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/images/not-a-digest")]
    [InlineData("/images/sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("/namespaces/prod/none")]
    [InlineData("/workloads/prod/web/Deployment/none")]
    public async Task Unknown_things_get_a_404_page(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
