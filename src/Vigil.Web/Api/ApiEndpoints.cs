using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Vigil.Core;
using Vigil.Scanning.Results;
using Vigil.Web.Dashboard;

namespace Vigil.Web.Api;

/// <summary>The JSON API under <c>/api/v1</c>: the same data as each page, read-only.</summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Vigil");

        api.MapGet("/overview", async (IResultReader store, TimeProvider time, IOptions<VigilWebOptions> options, CancellationToken ct) =>
        {
            var overview = await store.GetOverviewAsync(ct).ConfigureAwait(false);
            var worst = await store.GetWorstWorkloadsAsync(options.Value.WorstWorkloads, ct).ConfigureAwait(false);
            var trend = await store.GetTrendAsync(TrendScope.All, time.GetUtcNow().AddDays(-options.Value.TrendDays), ct).ConfigureAwait(false);
            return TypedResults.Ok(new OverviewResponse(overview, worst, trend));
        }).WithName("GetOverview").WithSummary("Counts per severity, fixable and unfixable, database age, worst workloads and the trend.");

        api.MapGet("/workloads/worst", async Task<Results<Ok<IReadOnlyList<WorkloadSummary>>, BadRequest<ApiProblem>>> ([Description("How many workloads, 1–1000; default 10.")] int? count, IResultReader store, CancellationToken ct) =>
        {
            var n = count ?? 10;
            if (n is < 1 or > 1000)
            {
                return TypedResults.BadRequest(new ApiProblem("count must be between 1 and 1000."));
            }

            return TypedResults.Ok(await store.GetWorstWorkloadsAsync(n, ct).ConfigureAwait(false));
        }).WithName("GetWorstWorkloads").WithSummary("The workloads with the most critical, then high, findings.");

        api.MapGet("/trend", async Task<Results<Ok<IReadOnlyList<TrendPoint>>, BadRequest<ApiProblem>>> ([Description("How many days back, 1–3660; default 30.")] int? days, [Description("Only this cluster.")] string? cluster, [Description("Only namespaces of this name.")] string? @namespace, IResultReader store, TimeProvider time, CancellationToken ct) =>
        {
            var d = days ?? 30;
            if (d is < 1 or > 3660)
            {
                return TypedResults.BadRequest(new ApiProblem("days must be between 1 and 3660."));
            }

            return TypedResults.Ok(await store.GetTrendAsync(new TrendScope(cluster, @namespace), time.GetUtcNow().AddDays(-d), ct).ConfigureAwait(false));
        }).WithName("GetTrend").WithSummary("Counts per recorded snapshot, for the whole estate, a cluster or a namespace.");

        api.MapGet("/namespaces", async (IResultReader store, CancellationToken ct) => TypedResults.Ok(await store.GetNamespacesAsync(ct).ConfigureAwait(false)))
            .WithName("GetNamespaces").WithSummary("Every namespace with workloads, worst first.");

        api.MapGet("/namespaces/{cluster}/{namespace}", async Task<Results<Ok<NamespaceResponse>, NotFound<ApiProblem>>> (string cluster, string @namespace, IResultReader store, TimeProvider time, IOptions<VigilWebOptions> options, CancellationToken ct) =>
        {
            var workloads = await store.GetWorkloadsAsync(cluster, @namespace, ct).ConfigureAwait(false);
            if (workloads.Count == 0)
            {
                return TypedResults.NotFound(new ApiProblem($"No workloads in namespace {@namespace} of cluster {cluster}."));
            }

            var trend = await store.GetTrendAsync(new TrendScope(cluster, @namespace), time.GetUtcNow().AddDays(-options.Value.TrendDays), ct).ConfigureAwait(false);
            return TypedResults.Ok(new NamespaceResponse(cluster, @namespace, workloads, trend));
        }).WithName("GetNamespace").WithSummary("The workloads of one namespace, worst first, and its trend.");

        api.MapGet("/workloads/{cluster}/{namespace}/{kind}/{name}", async Task<Results<Ok<WorkloadResponse>, NotFound<ApiProblem>>> (string cluster, string @namespace, string kind, string name, IResultReader store, TimeProvider time, IOptions<VigilWebOptions> options, CancellationToken ct) =>
        {
            var key = new WorkloadKey(cluster, @namespace, kind, name);
            var detail = await store.GetWorkloadAsync(key, ct).ConfigureAwait(false);
            if (detail is null)
            {
                return TypedResults.NotFound(new ApiProblem($"No {kind} {name} in namespace {@namespace} of cluster {cluster}."));
            }

            var trend = await store.GetTrendAsync(new TrendScope(Workload: key), time.GetUtcNow().AddDays(-options.Value.TrendDays), ct).ConfigureAwait(false);
            return TypedResults.Ok(new WorkloadResponse(detail, trend));
        }).WithName("GetWorkload").WithSummary("One workload with its containers, their images and scan state.");

        api.MapGet("/images/{digest}", async Task<Results<Ok<ImageResponse>, NotFound<ApiProblem>, BadRequest<ApiProblem>>> (string digest, IResultReader store, CancellationToken ct) =>
        {
            if (!Digest.TryParse(digest, out var parsed))
            {
                return TypedResults.BadRequest(new ApiProblem($"'{digest}' is not an image digest (sha256:<64 hex digits>)."));
            }

            var image = await store.GetImageAsync(parsed, ct).ConfigureAwait(false);
            if (image is null)
            {
                return TypedResults.NotFound(new ApiProblem($"No image {parsed} runs or was scanned."));
            }

            return TypedResults.Ok(new ImageResponse(image, await store.GetFindingsAsync(parsed, ct).ConfigureAwait(false)));
        }).WithName("GetImage").WithSummary("One image digest: where it runs, its last scan and its findings with fixed versions and references.");

        api.MapGet("/search", async Task<Results<Ok<SearchResult>, BadRequest<ApiProblem>>> (
            [Description("A vulnerability id or alias (CVE-2024-3094, GHSA-…), a package name (openssl) or an image (nginx, ghcr.io/acme/app, sha256:…); at most 512 characters.")] string? q,
            [Description("vulnerability, package or image; guessed from q when left out.")] string? kind,
            [Description("Hits per page, 1–5000; default 500.")] int? limit,
            [Description("Hits to skip, for the next page; default 0.")] int? offset,
            IResultReader store,
            CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q) || q.Length > 512)
            {
                return TypedResults.BadRequest(new ApiProblem("q must be a vulnerability id, package name or image of at most 512 characters."));
            }

            var n = limit ?? 500;
            if (n is < 1 or > SqliteResultStore.MaxSearchLimit)
            {
                return TypedResults.BadRequest(new ApiProblem($"limit must be between 1 and {SqliteResultStore.MaxSearchLimit}."));
            }

            var skip = offset ?? 0;
            if (skip is < 0 or > 500_000_000)
            {
                return TypedResults.BadRequest(new ApiProblem("offset must be between 0 and 500000000."));
            }

            if (kind is { Length: > 0 } && SearchKinds.Parse(kind) is null)
            {
                return TypedResults.BadRequest(new ApiProblem("kind must be vulnerability, package or image."));
            }

            return TypedResults.Ok(await store.SearchAsync(q, SearchKinds.Parse(kind), skip, n, ct).ConfigureAwait(false));
        }).WithName("Search").WithSummary("Every running container affected by a CVE/GHSA id, a package name or an image.")
            .WithDescription("One page of hits, worst first: one per affected container and finding (or container, for images). totalHits and affectedWorkloads count every hit; when hasMore is true, ask again with offset = offset + the number of hits.");

        api.MapGet("/suppressions", async ([Description("Also list expired suppressions; default false.")] bool? includeExpired, IResultReader store, CancellationToken ct) =>
            TypedResults.Ok(await store.GetSuppressionsAsync(includeExpired ?? false, ct).ConfigureAwait(false)))
            .WithName("GetSuppressions").WithSummary("Suppressions in force (and expired ones when asked), soonest expiry first.");
    }
}
