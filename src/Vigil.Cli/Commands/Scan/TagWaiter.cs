using Microsoft.Extensions.Logging;
using Vigil.Cli.Infrastructure;
using Vigil.Core.Images;
using Vigil.Oci.Registry;

namespace Vigil.Cli.Commands.Scan;

/// <summary>
/// <c>--wait</c>: polls a registry (HEAD on the manifest) until a just-pushed tag exists, with exponential backoff,
/// until a deadline. Only "not found" is waited out; refused credentials or an unreachable registry fail at once.
/// </summary>
public sealed class TagWaiter(RegistryClient client, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>The first pause between checks.</summary>
    public static TimeSpan FirstDelay { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest pause between checks: a push is noticed within this long.</summary>
    public static TimeSpan MaxDelay { get; } = TimeSpan.FromSeconds(5);

    // Give up this much before the deadline so that the clear "did not appear" message wins over the generic timeout.
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(300);

    /// <summary>Returns once <paramref name="reference"/> exists; throws <see cref="CommandTimeoutException"/> at <paramref name="deadline"/>.</summary>
    /// <param name="reference">The image to wait for.</param>
    /// <param name="deadline">When to give up (a timestamp of the time provider's clock, from <see cref="TimeProvider.GetTimestamp"/>).</param>
    /// <param name="limit">The limit the deadline came from, for the message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task WaitAsync(ImageReference reference, long deadline, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var started = timeProvider.GetTimestamp();
        var delay = FirstDelay;
        for (var check = 1; ; check++)
        {
            if (await client.ManifestExistsAsync(reference.Repository, reference.ManifestReference, cancellationToken))
            {
                if (check > 1)
                {
                    logger.LogInformation("{Image} exists after {Elapsed:0.0} s ({Checks} checks)", reference, timeProvider.GetElapsedTime(started).TotalSeconds, check);
                }

                return;
            }

            var remaining = TimeSpan.FromTicks((deadline - timeProvider.GetTimestamp()) * TimeSpan.TicksPerSecond / timeProvider.TimestampFrequency) - Margin;
            if (remaining <= TimeSpan.Zero)
            {
                throw new CommandTimeoutException(
                    $"{reference} did not appear within {limit} ({check} checks over {timeProvider.GetElapsedTime(started).TotalSeconds:0.0} s): was it pushed, to this registry and tag?");
            }

            var pause = delay < remaining ? delay : remaining;
            logger.LogInformation("Waiting for {Image}: not in the registry yet (check {Check}), next check in {Pause:0.0} s", reference, check, pause.TotalSeconds);
            await Task.Delay(pause, timeProvider, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }
}
