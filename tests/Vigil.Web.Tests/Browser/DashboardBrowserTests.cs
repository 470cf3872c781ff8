using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Vigil.Core;
using Vigil.Scanning.Results;

namespace Vigil.Web.Tests.Browser;

/// <summary>Loads every page in Chromium, keeps screenshots, checks WCAG 2 AA with axe-core, and searches like a user.</summary>
public sealed class DashboardBrowserTests(ChromiumFixture app) : IClassFixture<ChromiumFixture>
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private (Workload Workload, IReadOnlyList<WorkloadContainer> Containers) WorstWorkload =>
        app.Seed.Workloads
            .OrderByDescending(w => w.Containers.Select(c => c.Digest).Distinct().Sum(d => app.Seed.Findings.TryGetValue(d, out var f) ? f.Count(x => x.Severity == Severity.Critical) : 0))
            .First();

    public static TheoryData<string> Pages => ["overview", "namespaces", "namespace", "workload", "image", "search", "search-package-page-2", "suppressions", "not-found"];

    private string PathOf(string page)
    {
        var (workload, containers) = WorstWorkload;
        var key = workload.Key;
        var image = containers.First(c => app.Seed.Findings.ContainsKey(c.Digest)).Digest;
        return page switch
        {
            "overview" => "/",
            "namespaces" => "/namespaces",
            "namespace" => $"/namespaces/{key.Cluster}/{key.Namespace}",
            "workload" => $"/workloads/{key.Cluster}/{key.Namespace}/{key.Kind}/{key.Name}",
            "image" => "/images/" + image,
            "search" => "/search?q=CVE-2023-4863",
            "search-package-page-2" => "/search?q=openssl&page=2",
            "suppressions" => "/suppressions?expired=1",
            _ => "/workloads/prod-eu-1/none/Deployment/missing",
        };
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_loads_has_no_wcag_aa_violations_and_is_screenshotted(string page)
    {
        var tab = await app.Context.NewPageAsync();
        try
        {
            var response = await tab.GotoAsync(PathOf(page));

            Assert.NotNull(response);
            Assert.Equal(page == "not-found" ? 404 : 200, response.Status);
            Assert.Equal(1, await tab.Locator("main h1").CountAsync());
            await tab.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumFixture.ScreenshotDirectory, $"{page}.png") });
            await tab.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumFixture.ScreenshotDirectory, $"{page}-full.png"), FullPage = true });

            var result = await tab.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });

            var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
            Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, violations));
            Assert.NotEmpty(result.Passes);
        }
        finally
        {
            await tab.CloseAsync();
        }
    }

    [Fact]
    public async Task Searching_a_cve_from_the_header_lists_exactly_the_affected_workloads()
    {
        var tab = await app.Context.NewPageAsync();
        try
        {
            await tab.GotoAsync("/");
            await tab.GetByLabel("Search vulnerabilities, packages or images").FillAsync("CVE-2021-44228");
            await NavigateAsync(tab, () => tab.GetByLabel("Search vulnerabilities, packages or images").PressAsync("Enter"), "**/search?q=CVE-2021-44228");
            await tab.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumFixture.ScreenshotDirectory, "search-cve.png") });

            var rows = tab.Locator("#search-results tbody tr");
            var shown = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < await rows.CountAsync(); i++)
            {
                var row = rows.Nth(i);
                var name = await row.Locator("th a").InnerTextAsync();
                var ns = await row.Locator("td").First.InnerTextAsync();
                shown.Add($"{ns}/{name}");
            }

            var expected = app.Seed.WorkloadsAffectedBy("CVE-2021-44228").Select(k => $"{k.Namespace}/{k.Name}").ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
            Assert.Contains($"{expected.Count} workload", await tab.Locator("#results-heading").InnerTextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await tab.CloseAsync();
        }
    }

    [Fact]
    public async Task A_package_search_pages_with_next_and_previous_links()
    {
        var tab = await app.Context.NewPageAsync();
        try
        {
            await tab.GotoAsync("/search?q=openssl");
            var total = await tab.Locator("#results-range").InnerTextAsync();
            Assert.StartsWith("Matches 1–50 of ", total, StringComparison.Ordinal);
            var firstPage = await tab.Locator("#search-results tbody tr").AllInnerTextsAsync();

            await NavigateAsync(tab, () => tab.GetByRole(AriaRole.Link, new() { Name = "Next →" }).ClickAsync(), "**/search?q=openssl&page=2");
            await tab.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumFixture.ScreenshotDirectory, "search-package-next.png"), FullPage = true });

            Assert.StartsWith("Matches 51–", await tab.Locator("#results-range").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("Page 2 of", (await tab.Locator(".pager [aria-current=page]").InnerTextAsync())[..9]);
            Assert.Empty((await tab.Locator("#search-results tbody tr").AllInnerTextsAsync()).Intersect(firstPage));

            await NavigateAsync(tab, () => tab.GetByRole(AriaRole.Link, new() { Name = "← Previous" }).ClickAsync(), "**/search?q=openssl");
            Assert.Equal(firstPage, await tab.Locator("#search-results tbody tr").AllInnerTextsAsync());
        }
        finally
        {
            await tab.CloseAsync();
        }
    }

    [Fact]
    public async Task Drilling_down_from_namespaces_reaches_findings_with_fixed_versions()
    {
        var tab = await app.Context.NewPageAsync();
        try
        {
            await tab.GotoAsync("/namespaces");
            await NavigateAsync(tab, () => tab.Locator("table tbody tr th a").First.ClickAsync());
            await NavigateAsync(tab, () => tab.Locator("table tbody tr th a").First.ClickAsync());
            await NavigateAsync(tab, () => tab.Locator("table tbody tr td a").First.ClickAsync());

            Assert.Contains("/images/sha256", tab.Url, StringComparison.Ordinal);
            Assert.True(await tab.Locator("table.findings tbody tr").CountAsync() > 0);
            Assert.True(await tab.Locator("table.findings code.fixed").CountAsync() > 0);

            await tab.GetByLabel("Minimum severity").SelectOptionAsync("CRITICAL");
            await NavigateAsync(tab, () => tab.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync(), "**severity=CRITICAL**");
            var badges = await tab.Locator("table.findings .badge").AllInnerTextsAsync();
            Assert.All(badges, b => Assert.Equal("CRITICAL", b));
        }
        finally
        {
            await tab.CloseAsync();
        }
    }

    /// <summary>
    /// Arms the wait for the next URL before acting: acting first and then waiting lost the navigation now and then on a
    /// loaded CI machine, and the wait timed out on a page that had already moved.
    /// </summary>
    private static async Task NavigateAsync(IPage tab, Func<Task> act, string? urlGlob = null)
    {
        var from = tab.Url;
        var arrived = urlGlob is null ? tab.WaitForURLAsync(url => url != from) : tab.WaitForURLAsync(urlGlob);
        await act();
        await arrived;
    }
}
