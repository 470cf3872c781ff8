namespace Vigil.Gates.Quarantine;

/// <summary>Where a queued push is in its life: pending → scanned → done, or failed after too many attempts.</summary>
public enum QueueState
{
    /// <summary>Received and stored, not scanned yet (or its scan was interrupted).</summary>
    Pending = 0,

    /// <summary>Scanned and decided; the action (promote, release, hold) is not applied yet.</summary>
    Scanned = 1,

    /// <summary>Decided and acted on; never processed again.</summary>
    Done = 2,

    /// <summary>Gave up after the maximum number of attempts; kept for people to look at.</summary>
    Failed = 3,
}
