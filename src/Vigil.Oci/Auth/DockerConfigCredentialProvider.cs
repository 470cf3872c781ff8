using Microsoft.Extensions.Options;

namespace Vigil.Oci.Auth;

/// <summary>
/// The default credential provider: the docker <c>config.json</c> at <see cref="OciOptions.DockerConfigPath"/>, else
/// <c>$DOCKER_CONFIG/config.json</c>, else <c>~/.docker/config.json</c>; read once, on first use.
/// </summary>
public sealed class DockerConfigCredentialProvider : IRegistryCredentialProvider
{
    private readonly Lazy<Task<DockerConfigCredentials>> credentials;

    /// <summary>Creates the provider.</summary>
    public DockerConfigCredentialProvider(IOptions<OciOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.DockerConfigPath ?? DefaultPath();
        credentials = new Lazy<Task<DockerConfigCredentials>>(() => DockerConfigCredentials.LoadAsync(path, CancellationToken.None));
    }

    /// <inheritdoc/>
    public async ValueTask<RegistryCredential?> GetCredentialAsync(string registry, CancellationToken cancellationToken) =>
        (await credentials.Value.WaitAsync(cancellationToken)).Find(registry);

    private static string DefaultPath()
    {
        var directory = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        if (string.IsNullOrEmpty(directory))
        {
            directory = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        }

        return Path.Combine(directory, "config.json");
    }
}
