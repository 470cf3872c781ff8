namespace Vigil.VulnDb.Storage;

/// <summary>What an import did.</summary>
/// <param name="Source">The source key.</param>
/// <param name="Stored">Records added or changed.</param>
/// <param name="Unchanged">Records already stored with identical content.</param>
/// <param name="Withdrawn">Withdrawn records left out.</param>
/// <param name="Removed">Records removed because the source no longer has them (or withdrew them).</param>
/// <param name="Malformed">Documents that violated the schema, with the problems; those with a usable remainder were stored.</param>
/// <param name="Version">The database version after the import.</param>
public sealed record ImportResult(
    string Source,
    int Stored,
    int Unchanged,
    int Withdrawn,
    int Removed,
    IReadOnlyList<MalformedRecord> Malformed,
    AdvisoryDbVersion Version)
{
    /// <summary>Whether the import changed content.</summary>
    public bool Changed => Stored > 0 || Removed > 0;
}
