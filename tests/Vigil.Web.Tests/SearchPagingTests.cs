using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigil.Web.Tests;

/// <summary>Search results come in pages with totals and next links, in the HTML and the API alike, and add up to every hit.</summary>
public sealed partial class SearchPagingTests(SeededWebApp app) : IClassFixture<SeededWebApp>
{
    private const string Package = "openssl";

    /// <summary>Every (workload, container, finding) the seed has for the package, as the store should count them.</summary>
    private (int Hits, HashSet<string> Workloads) Expected()
    {
        var hits = 0;
        var workloads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (workload, containers) in app.Seed.Workloads)
        {
            foreach (var container in containers)
            {
                var n = app.Seed.Findings.TryGetValue(container.Digest, out var f) ? f.Count(x => string.Equals(x.PackageName, Package, StringComparison.OrdinalIgnoreCase)) : 0;
                hits += n;
                if (n > 0)
                {
                    workloads.Add($"{workload.Key.Namespace}/{workload.Key.Name}");
                }
            }
        }

        return (hits, workloads);
    }

    [Fact]
    public async Task Following_next_links_visits_every_hit_once_on_pages_of_50()
    {
        using var client = app.CreateClient();
        var (expectedHits, expectedWorkloads) = Expected();
        var path = "/search?q=" + Package;
        var rows = 0;
        var pages = 0;
        var workloads = new HashSet<string>(StringComparer.Ordinal);
        while (path is not null)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            pages++;

            var body = TableBody().Match(html).Groups[1].Value;
            var pageRows = RowStart().Count(body);
            Assert.InRange(pageRows, 1, 50);
            Assert.Contains($"Matches {rows + 1:N0}–{rows + pageRows:N0} of {expectedHits:N0}", html, StringComparison.Ordinal);
            foreach (Match m in WorkloadCell().Matches(body))
            {
                workloads.Add($"{WebUtility.HtmlDecode(m.Groups[2].Value)}/{WebUtility.HtmlDecode(m.Groups[1].Value)}");
            }

            rows += pageRows;
            var next = NextLink().Match(html);
            path = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
            Assert.True(path is null || path.EndsWith($"&page={pages + 1}", StringComparison.Ordinal), path);
            Assert.True(pages < 1000, "the next links do not end");
        }

        Assert.True(expectedHits > 50, "the seed should need more than one page");
        Assert.Equal(expectedHits, rows);
        Assert.Equal((int)Math.Ceiling(expectedHits / 50.0), pages);
        Assert.Equal(expectedWorkloads.Order(StringComparer.Ordinal), workloads.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Api_pages_by_offset_and_add_up_to_one_big_answer()
    {
        using var client = app.CreateClient();
        var whole = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Package}&limit=5000");
        var total = whole.GetProperty("totalHits").GetInt32();
        var collected = new List<string>();
        var offset = 0;
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Package}&limit=37&offset={offset}");
            Assert.Equal(total, page.GetProperty("totalHits").GetInt32());
            Assert.Equal(offset, page.GetProperty("offset").GetInt32());
            collected.AddRange(page.GetProperty("hits").EnumerateArray().Select(Describe));
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                break;
            }

            offset += page.GetProperty("hits").GetArrayLength();
        }

        Assert.Equal(Expected().Hits, total);
        Assert.False(whole.GetProperty("hasMore").GetBoolean());
        Assert.Equal(whole.GetProperty("hits").EnumerateArray().Select(Describe), collected);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("100001")]
    public async Task A_bad_page_number_is_a_clear_400(string page)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri($"/search?q={Package}&page={page}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("page must be a whole number", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_end_says_so_and_links_back_to_the_first()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync(new Uri($"/search?q={Package}&page=9999", UriKind.Relative));

        Assert.Contains("No matches on this page", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/search?q={Package}\"", html, StringComparison.Ordinal);
    }

    private static string Describe(JsonElement hit)
    {
        var w = hit.GetProperty("workload");
        return $"{w.GetProperty("namespace").GetString()}/{w.GetProperty("name").GetString()}/{hit.GetProperty("container").GetString()}/{hit.GetProperty("finding").GetProperty("id").GetString()}";
    }

    [GeneratedRegex("<table id=\"search-results\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex TableBody();

    [GeneratedRegex("<tr>")]
    private static partial Regex RowStart();

    [GeneratedRegex("<tr><th scope=\"row\"><a href=\"[^\"]*\">([^<]*)</a>.*?</th><td><a href=\"[^\"]*\">([^<]*)</a></td>", RegexOptions.Singleline)]
    private static partial Regex WorkloadCell();

    [GeneratedRegex("<a href=\"([^\"]*)\" rel=\"next\">")]
    private static partial Regex NextLink();
}
