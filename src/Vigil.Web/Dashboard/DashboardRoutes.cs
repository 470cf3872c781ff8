using Vigil.Core;
using Vigil.Scanning.Results;

namespace Vigil.Web.Dashboard;

/// <summary>The dashboard's URLs, built in one place with every segment escaped.</summary>
internal static class DashboardRoutes
{
    public const string Overview = "/";
    public const string Namespaces = "/namespaces";
    public const string Search = "/search";
    public const string Suppressions = "/suppressions";
    public const string Stylesheet = "/assets/vigil.css";

    public static string Namespace(string cluster, string @namespace) => $"/namespaces/{E(cluster)}/{E(@namespace)}";

    public static string Workload(WorkloadKey key) => $"/workloads/{E(key.Cluster)}/{E(key.Namespace)}/{E(key.Kind)}/{E(key.Name)}";

    public static string Image(Digest digest) => $"/images/{E(digest.ToString())}";

    public static string SearchFor(string query, SearchKind? kind = null) =>
        kind is null ? $"/search?q={E(query)}" : $"/search?q={E(query)}&kind={kind.ToString()!.ToLowerInvariant()}";

    /// <summary>Page <paramref name="page"/> (from 1) of a search; page 1 is the plain search address.</summary>
    public static string SearchFor(string query, SearchKind? kind, int page) =>
        page <= 1 ? SearchFor(query, kind) : $"{SearchFor(query, kind)}&page={page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static string E(string value) => Uri.EscapeDataString(value);
}
