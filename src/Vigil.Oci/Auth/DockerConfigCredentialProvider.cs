using Microsoft.Extensions.Options;

namespace Vigil.Oci.Auth;

/// <summary>
/// The default credential provider: the docker <c>config.json</c> at <see cref="OciOptions.DockerConfigPath"/>, else
/// <c>$DOCKER_CONFIG/config.json</c>, else <c>~/.docker/config.json</c>; read once, on first use.
/// </summary>
public sealed class DockerConfigCredentialProvider : IRegistryCredentialProvider
{
    private readonly Lazy<Task<DockerConfigCredentials>> credentials;
    private readonly CredentialHelper helper;

    /// <summary>Creates the provider.</summary>
    public DockerConfigCredentialProvider(IOptions<OciOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.DockerConfigPath ?? DefaultPath();
        credentials = new Lazy<Task<DockerConfigCredentials>>(() => DockerConfigCredentials.LoadAsync(path, CancellationToken.None));
        helper = new CredentialHelper(options.Value.CredentialHelperPath);
    }

    /// <inheritdoc/>
    /// <remarks>A helper named for the registry is asked first, as docker does; the inline <c>auths</c> entry is the fallback.</remarks>
    public async ValueTask<RegistryCredential?> GetCredentialAsync(string registry, CancellationToken cancellationToken)
    {
        var config = await credentials.Value.WaitAsync(cancellationToken);
        if (config.HelperFor(registry) is { } name && await helper.GetAsync(name, registry, cancellationToken) is { } fromHelper)
        {
            return fromHelper;
        }

        return config.Find(registry);
    }

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
