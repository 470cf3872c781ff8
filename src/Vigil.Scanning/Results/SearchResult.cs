namespace Vigil.Scanning.Results;

/// <summary>What a search found: every running container affected, worst first.</summary>
/// <param name="Query">The query as given (trimmed).</param>
/// <param name="Kind">How the query was understood.</param>
/// <param name="Hits">The hits, at most the requested limit.</param>
/// <param name="TotalHits">All hits, including those beyond the limit.</param>
/// <param name="AffectedWorkloads">Distinct workloads among all hits.</param>
public sealed record SearchResult(string Query, SearchKind Kind, IReadOnlyList<SearchHit> Hits, int TotalHits, int AffectedWorkloads)
{
    /// <summary>Whether hits were left out because of the limit.</summary>
    public bool IsTruncated => TotalHits > Hits.Count;
}
