namespace Vigil.Scanning.Results;

/// <summary>What a search found: every running container affected, worst first.</summary>
/// <param name="Query">The query as given (trimmed).</param>
/// <param name="Kind">How the query was understood.</param>
/// <param name="Hits">The hits of this page, at most the requested limit.</param>
/// <param name="TotalHits">All hits, including those beyond the limit.</param>
/// <param name="AffectedWorkloads">Distinct workloads among all hits.</param>
public sealed record SearchResult(string Query, SearchKind Kind, IReadOnlyList<SearchHit> Hits, int TotalHits, int AffectedWorkloads)
{
    /// <summary>How many hits come before these (the page's offset).</summary>
    public int Offset { get; init; }

    /// <summary>Whether hits were left out because of the offset or the limit.</summary>
    public bool IsTruncated => TotalHits > Hits.Count;

    /// <summary>Whether more hits follow these.</summary>
    public bool HasMore => Offset + Hits.Count < TotalHits;
}
