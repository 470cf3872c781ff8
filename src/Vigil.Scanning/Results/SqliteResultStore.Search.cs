using Microsoft.Data.Sqlite;
using Vigil.Core;

namespace Vigil.Scanning.Results;

/// <content>Search: from a vulnerability, a package or an image to every running container affected.</content>
public sealed partial class SqliteResultStore
{
    /// <summary>The most hits one search returns.</summary>
    public const int MaxSearchLimit = 5000;

    /// <inheritdoc/>
    public Task<SearchResult> SearchAsync(string query, SearchKind? kind, int limit, CancellationToken cancellationToken) =>
        SearchAsync(query, kind, 0, limit, cancellationToken);

    /// <inheritdoc/>
    public async Task<SearchResult> SearchAsync(string query, SearchKind? kind, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxSearchLimit);
        var trimmed = query.Trim();
        var searchKind = kind ?? SearchQueryClassifier.Classify(trimmed);
        if (trimmed.Length == 0)
        {
            return new SearchResult(trimmed, searchKind, [], 0, 0) { Offset = offset };
        }

        var page = (offset, limit);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return searchKind switch
        {
            SearchKind.Image => await SearchImagesAsync(connection, trimmed, page, cancellationToken).ConfigureAwait(false),
            SearchKind.Package => await SearchFindingsAsync(
                connection, trimmed, SearchKind.Package, "findings f", "f.package_name = $q COLLATE NOCASE", page, cancellationToken).ConfigureAwait(false),
            _ => await SearchFindingsAsync(
                connection, trimmed, SearchKind.Vulnerability, "finding_aliases a JOIN findings f ON f.id = a.finding_id", "a.alias = $q", page, cancellationToken).ConfigureAwait(false),
        };
    }

    private static async Task<SearchResult> SearchFindingsAsync(
        SqliteConnection connection, string query, SearchKind kind, string source, string condition, (int Offset, int Limit) page, CancellationToken cancellationToken)
    {
        var from = $"""
            FROM {source}
            JOIN containers k ON k.digest = f.digest
            JOIN workloads w ON w.id = k.workload_id
            WHERE {condition}
            """;

        // Sort only the keys of every hit (from indexes), then read whole findings for the one page.
        await using var command = Command(
            connection,
            $"""
            WITH page AS (
                SELECT f.id AS finding_id, k.workload_id, k.name AS container, f.severity, w.cluster, w.namespace, w.kind, w.name AS workload,
                       f.package_name, f.vuln_id
                {from}
                ORDER BY f.severity DESC, w.cluster, w.namespace, w.kind, w.name, k.name, f.package_name, f.vuln_id, f.id
                LIMIT $limit OFFSET $offset)
            SELECT p.cluster, p.namespace, p.kind, p.workload, p.container, k.image, k.digest, {FindingColumns}
            FROM page p
            JOIN findings f ON f.id = p.finding_id
            JOIN containers k ON k.workload_id = p.workload_id AND k.name = p.container
            ORDER BY p.severity DESC, p.cluster, p.namespace, p.kind, p.workload, p.container, p.package_name, p.vuln_id, p.finding_id;

            SELECT COUNT(*), COUNT(DISTINCT k.workload_id) {from};
            """,
            ("$q", query),
            ("$limit", page.Limit),
            ("$offset", page.Offset));
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hits.Add(ReadHitHead(reader) with { Finding = ReadFinding(reader, 7) });
        }

        return await ReadSearchTotalsAsync(reader, query, kind, hits, page.Offset, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<SearchResult> SearchImagesAsync(SqliteConnection connection, string query, (int Offset, int Limit) page, CancellationToken cancellationToken)
    {
        // "repo@sha256:…" and a bare digest both search by digest; anything else matches part of the reference.
        var at = query.LastIndexOf('@');
        var digest = Digest.TryParse(at >= 0 ? query[(at + 1)..] : query, out var parsed) ? parsed.ToString() : null;
        var like = "%" + query.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        const string From = """
            FROM containers k
            JOIN workloads w ON w.id = k.workload_id
            LEFT JOIN images i ON i.digest = k.digest
            WHERE ($digest IS NOT NULL AND k.digest = $digest)
               OR ($digest IS NULL AND (k.image LIKE $like ESCAPE '\' OR k.repository LIKE $like ESCAPE '\'))
            """;
        await using var command = Command(
            connection,
            $"""
            SELECT w.cluster, w.namespace, w.kind, w.name, k.name, k.image, k.digest,
                   i.critical, i.high, i.medium, i.low, i.unknown, i.fixable
            {From}
            ORDER BY i.critical DESC, i.high DESC, i.medium DESC, i.low DESC, w.cluster, w.namespace, w.kind, w.name, k.name
            LIMIT $limit OFFSET $offset;

            SELECT COUNT(*), COUNT(DISTINCT k.workload_id) {From};
            """,
            ("$digest", digest),
            ("$like", like),
            ("$limit", page.Limit),
            ("$offset", page.Offset));
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hits.Add(ReadHitHead(reader) with { ImageCounts = ReadCounts(reader, 7) });
        }

        return await ReadSearchTotalsAsync(reader, query, SearchKind.Image, hits, page.Offset, cancellationToken).ConfigureAwait(false);
    }

    private static SearchHit ReadHitHead(SqliteDataReader reader) => new(
        new WorkloadKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)),
        reader.GetString(4),
        reader.GetString(5),
        Digest.Parse(reader.GetString(6)));

    private static async Task<SearchResult> ReadSearchTotalsAsync(
        SqliteDataReader reader, string query, SearchKind kind, List<SearchHit> hits, int offset, CancellationToken cancellationToken)
    {
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new SearchResult(query, kind, hits, reader.GetInt32(0), reader.GetInt32(1)) { Offset = offset };
    }
}
