using Vigil.Gates.RegistryWebhook;

namespace Vigil.Gates.Quarantine;

/// <summary>A push event as held in the queue, with its progress.</summary>
/// <param name="Event">The push.</param>
/// <param name="State">Its state.</param>
/// <param name="Attempts">How many times it has been leased.</param>
public sealed record QueuedPushEvent(PushEvent Event, QueueState State, int Attempts)
{
    /// <summary>The verdict, once scanned.</summary>
    public StoredVerdict? Verdict { get; init; }

    /// <summary>What was done (<c>promoted to …</c>, <c>held</c>), once done.</summary>
    public string? Outcome { get; init; }

    /// <summary>The last error, when an attempt failed.</summary>
    public string? LastError { get; init; }
}
