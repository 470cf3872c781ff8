using Vigil.Oci.Auth;

namespace Vigil.Cli.Commands.Scan;

/// <summary>
/// The credential given on the command line for the scanned image's registry; every other registry (and this one when
/// none was given) gets the docker <c>config.json</c> credentials.
/// </summary>
/// <param name="imageRegistry">The scanned image's registry (<c>host:port</c>, <c>docker.io</c>).</param>
/// <param name="credential">The command-line credential.</param>
/// <param name="fallback">The docker config provider.</param>
public sealed class CommandLineCredentialProvider(string imageRegistry, RegistryCredential credential, IRegistryCredentialProvider fallback) : IRegistryCredentialProvider
{
    /// <inheritdoc/>
    public ValueTask<RegistryCredential?> GetCredentialAsync(string registry, CancellationToken cancellationToken) =>
        string.Equals(DockerConfigCredentials.NormalizeRegistry(registry), DockerConfigCredentials.NormalizeRegistry(imageRegistry), StringComparison.OrdinalIgnoreCase)
            ? ValueTask.FromResult<RegistryCredential?>(credential)
            : fallback.GetCredentialAsync(registry, cancellationToken);
}
