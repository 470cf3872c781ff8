namespace Vigil.VulnDb.Storage;

/// <summary>
/// The identity of the database content. <see cref="Fingerprint"/> is a hash over every stored record, so it changes
/// exactly when content changes (an update that brings nothing new keeps it), and equal content gives equal fingerprints.
/// </summary>
/// <param name="Fingerprint">Hex SHA-256 over all records' content hashes in id order; empty for an empty database.</param>
/// <param name="SchemaVersion">The schema version of the store.</param>
/// <param name="UpdatedAt">When content last changed, or null when never.</param>
/// <param name="AdvisoryCount">How many records are stored.</param>
public sealed record AdvisoryDbVersion(string Fingerprint, int SchemaVersion, DateTimeOffset? UpdatedAt, long AdvisoryCount)
{
    /// <summary>The first 12 characters of the fingerprint, for people and cache keys.</summary>
    public string Short => Fingerprint.Length > 12 ? Fingerprint[..12] : Fingerprint;
}
