namespace Vigil.Reporting;

/// <summary>Which vulnerability data a scan was matched against, so a report can be reproduced and its age judged.</summary>
/// <param name="Version">The database schema or build version, or null.</param>
/// <param name="Fingerprint">A content fingerprint of the data (changes whenever any record changes), or null.</param>
/// <param name="UpdatedAt">When the data was last updated, or null when unknown.</param>
public sealed record DatabaseInfo(string? Version, string? Fingerprint, DateTimeOffset? UpdatedAt)
{
    /// <summary>Where the data came from (a path or a URL without credentials), or null.</summary>
    public string? Source { get; init; }
}
