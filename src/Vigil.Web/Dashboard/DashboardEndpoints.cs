using Microsoft.Extensions.Options;
using Vigil.Core;
using Vigil.Scanning.Results;
using Vigil.Web.Dashboard.Pages;
using Vigil.Web.Html;

namespace Vigil.Web.Dashboard;

/// <summary>The HTML pages. Each reads the store, then renders; nothing here writes.</summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup(string.Empty).ExcludeFromDescription();

        pages.MapGet(DashboardRoutes.Overview, async (IResultReader store, TimeProvider time, IOptions<VigilWebOptions> options, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            var overview = await store.GetOverviewAsync(ct).ConfigureAwait(false);
            var worst = await store.GetWorstWorkloadsAsync(options.Value.WorstWorkloads, ct).ConfigureAwait(false);
            var trend = await store.GetTrendAsync(TrendScope.All, now.AddDays(-options.Value.TrendDays), ct).ConfigureAwait(false);
            return new HtmlResult(OverviewPage.Render(overview, worst, trend, now, options.Value.StaleDatabaseAfter));
        });

        pages.MapGet(DashboardRoutes.Namespaces, async (IResultReader store, CancellationToken ct) =>
            new HtmlResult(NamespacesPage.Render(await store.GetNamespacesAsync(ct).ConfigureAwait(false))));

        pages.MapGet("/namespaces/{cluster}/{namespace}", async (string cluster, string @namespace, IResultReader store, TimeProvider time, IOptions<VigilWebOptions> options, CancellationToken ct) =>
        {
            var workloads = await store.GetWorkloadsAsync(cluster, @namespace, ct).ConfigureAwait(false);
            if (workloads.Count == 0)
            {
                return NotFound($"No workloads in namespace {@namespace} of cluster {cluster}.");
            }

            var trend = await store.GetTrendAsync(new TrendScope(cluster, @namespace), time.GetUtcNow().AddDays(-options.Value.TrendDays), ct).ConfigureAwait(false);
            return new HtmlResult(NamespacePage.Render(cluster, @namespace, workloads, trend));
        });

        pages.MapGet("/workloads/{cluster}/{namespace}/{kind}/{name}", async (string cluster, string @namespace, string kind, string name, IResultReader store, TimeProvider time, IOptions<VigilWebOptions> options, CancellationToken ct) =>
        {
            var key = new WorkloadKey(cluster, @namespace, kind, name);
            var detail = await store.GetWorkloadAsync(key, ct).ConfigureAwait(false);
            if (detail is null)
            {
                return NotFound($"No {kind} {name} in namespace {@namespace}.");
            }

            var now = time.GetUtcNow();
            var trend = await store.GetTrendAsync(new TrendScope(Workload: key), now.AddDays(-options.Value.TrendDays), ct).ConfigureAwait(false);
            return new HtmlResult(WorkloadPage.Render(detail, trend, now));
        });

        pages.MapGet("/images/{digest}", async (string digest, string? severity, string? fixable, IResultReader store, TimeProvider time, CancellationToken ct) =>
        {
            if (!Digest.TryParse(digest, out var parsed))
            {
                return NotFound($"'{digest}' is not an image digest.");
            }

            var image = await store.GetImageAsync(parsed, ct).ConfigureAwait(false);
            if (image is null)
            {
                return NotFound($"No image {parsed} runs or was scanned.");
            }

            var findings = await store.GetFindingsAsync(parsed, ct).ConfigureAwait(false);
            var suppressions = await store.GetSuppressionsAsync(includeExpired: false, ct).ConfigureAwait(false);
            return new HtmlResult(ImagePage.Render(image, findings, FindingFilter.Parse(severity, fixable), suppressions, time.GetUtcNow()));
        });

        pages.MapGet(DashboardRoutes.Search, async (string? q, string? kind, string? page, IResultReader store, IOptions<VigilWebOptions> options, CancellationToken ct) =>
        {
            var requested = SearchKinds.Parse(kind);
            if (string.IsNullOrWhiteSpace(q))
            {
                return new HtmlResult(SearchPage.Render(null, requested, null, options.Value.SearchLimit));
            }

            if (!SearchPaging.TryParsePage(page, out var number))
            {
                return new HtmlResult(BadRequestPage.Render(SearchPaging.PageError), StatusCodes.Status400BadRequest);
            }

            var query = q.Length > 512 ? q[..512] : q;
            var size = options.Value.SearchLimit;
            var result = await store.SearchAsync(query, requested, (number - 1) * size, size, ct).ConfigureAwait(false);
            return new HtmlResult(SearchPage.Render(query, requested, result, size));
        });

        pages.MapGet(DashboardRoutes.Suppressions, async (string? expired, IResultReader store, TimeProvider time, CancellationToken ct) =>
        {
            var includeExpired = expired is "1" or "true";
            var suppressions = await store.GetSuppressionsAsync(includeExpired, ct).ConfigureAwait(false);
            return new HtmlResult(SuppressionsPage.Render(suppressions, includeExpired, time.GetUtcNow()));
        });
    }

    private static HtmlResult NotFound(string what) => new(NotFoundPage.Render(what), StatusCodes.Status404NotFound);
}
