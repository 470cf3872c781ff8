using System.Runtime.CompilerServices;

namespace Vigil.VulnDb.Storage;

/// <summary>
/// Polls <see cref="IAdvisoryStore.GetVersionAsync"/> and yields each new version: for processes that do not import
/// themselves (the controller re-matching cached SBOMs while another process or pod runs <c>vigil db update</c>).
/// </summary>
public static class AdvisoryDbWatcher
{
    /// <summary>Yields the current version at once, then every version that differs from the previous one.</summary>
    /// <param name="store">The store to poll.</param>
    /// <param name="interval">Time between polls.</param>
    /// <param name="timeProvider">The clock for the delays.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    public static async IAsyncEnumerable<AdvisoryDbVersion> WatchAsync(IAdvisoryStore store, TimeSpan interval, TimeProvider timeProvider, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        string? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var version = await store.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            if (version.Fingerprint != last)
            {
                last = version.Fingerprint;
                yield return version;
            }

            await Task.Delay(interval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
