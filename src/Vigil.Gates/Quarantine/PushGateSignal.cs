namespace Vigil.Gates.Quarantine;

/// <summary>Wakes the push gate's worker when an event is stored, so it does not wait for the next poll.</summary>
public sealed class PushGateSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    /// <summary>Signals that work may be waiting.</summary>
    public void Notify()
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers any number of new events.
        }
    }

    /// <summary>Waits for a signal or <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => semaphore.Dispose();
}
