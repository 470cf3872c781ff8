namespace Vigil.Gates.Quarantine;

/// <summary>What the push gate does with a decided image, and how it works through its queue.</summary>
public sealed class PushGateOptions
{
    /// <summary>The SQLite queue file.</summary>
    public string QueuePath { get; set; } = "vigil-push-gate.db";

    /// <summary>
    /// Where a passing image is promoted in the same registry: a repository template with <c>{repository}</c>
    /// (<c>release/{repository}</c>). Null: nothing is copied (ACR images are released through the quarantine API).
    /// </summary>
    public string? ReleaseRepository { get; set; }

    /// <summary>Delete a failing manifest from its repository (off by default: holding it back is enough).</summary>
    public bool DeleteFailed { get; set; }

    /// <summary>How long a worker owns an event before another may take it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Attempts before an event is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before retrying a failed attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the queue is checked when no new event wakes the worker.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether <paramref name="repository"/> is itself a release repository: promotions produce push events too, and
    /// those must not be gated again (that would promote <c>release/release/…</c> forever).
    /// </summary>
    public bool IsReleaseRepository(string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (ReleaseRepository is null)
        {
            return false;
        }

        var at = ReleaseRepository.IndexOf("{repository}", StringComparison.Ordinal);
        if (at < 0)
        {
            return repository == ReleaseRepository;
        }

        var prefix = ReleaseRepository[..at];
        var suffix = ReleaseRepository[(at + "{repository}".Length)..];
        return repository.Length > prefix.Length + suffix.Length
               && repository.StartsWith(prefix, StringComparison.Ordinal)
               && repository.EndsWith(suffix, StringComparison.Ordinal);
    }

    /// <summary>The release repository for <paramref name="repository"/>.</summary>
    public string? ReleaseRepositoryFor(string repository) => ReleaseRepository?.Replace("{repository}", repository, StringComparison.Ordinal);
}
