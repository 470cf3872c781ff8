using Vigil.VulnDb.Storage;

namespace Vigil.VulnDb.Update;

/// <summary>What an update did for one ecosystem.</summary>
/// <param name="Ecosystem">The OSV ecosystem.</param>
/// <param name="Kind">How it was updated.</param>
public sealed record SourceUpdateResult(string Ecosystem, UpdateKind Kind)
{
    /// <summary>The import, when one ran.</summary>
    public ImportResult? Import { get; init; }

    /// <summary>Why the update failed, or what was skipped, for people.</summary>
    public string? Message { get; init; }
}

/// <summary>How an ecosystem was updated.</summary>
public enum UpdateKind
{
    /// <summary>The whole archive was downloaded and imported.</summary>
    Full = 0,

    /// <summary>Only records changed since the last update were fetched.</summary>
    Incremental = 1,

    /// <summary>Nothing changed at the source.</summary>
    NotModified = 2,

    /// <summary>The update failed; the previous data is kept.</summary>
    Failed = 3,
}
