namespace Vigil.VulnDb.Osv;

/// <summary>
/// The outcome of reading one OSV document: the usable record (possibly with invalid parts removed) and the schema
/// problems found. A record with problems is still stored when something usable remains.
/// </summary>
/// <param name="Record">The record with invalid parts removed, or null when nothing usable remains.</param>
/// <param name="Problems">Schema violations, for people; empty for a valid record.</param>
public sealed record OsvParseResult(OsvRecord? Record, IReadOnlyList<string> Problems)
{
    /// <summary>Whether the document violated the schema in any way.</summary>
    public bool IsMalformed => Problems.Count > 0;
}
