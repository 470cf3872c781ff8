using Microsoft.Extensions.Logging;
using Vigil.Cli.Infrastructure;
using Vigil.Core;
using Vigil.Core.Images;
using Vigil.Oci.Registry;

namespace Vigil.Cli.Commands.Scan;

/// <summary>
/// <c>--delete-on-fail</c>: deletes the manifest that was scanned, by digest, through the Distribution API, so that an
/// image that failed the gate is no longer pullable by any of its tags.
/// </summary>
public sealed class FailedImageDeleter(RegistryClient client, ILogger logger)
{
    /// <summary>Deletes <paramref name="digest"/> from <paramref name="reference"/>'s repository.</summary>
    /// <exception cref="CommandException">The registry refused (deletes disabled, credentials); the message says so and that the gate failed.</exception>
    public async Task DeleteAsync(ImageReference reference, Digest digest, int findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        try
        {
            await client.DeleteManifestAsync(reference.Repository, digest, cancellationToken);
        }
        catch (RegistryException exception)
        {
            throw new CommandException(
                $"--delete-on-fail: {reference.Name}@{digest} failed the gate ({findings} findings remain after filters) but could not be deleted: {exception.Message}",
                exception);
        }

        logger.LogWarning(
            "Deleted {Image}@{Digest} from the registry (--delete-on-fail): {Findings} findings remain after filters",
            reference.Name, digest, findings);
    }
}
