using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Oci.Auth;

namespace Vigil.Oci.Registry;

/// <summary>Makes <see cref="RegistryClient"/>s with the shared HTTP pipeline, options and credentials.</summary>
/// <remarks>Registered by <see cref="OciServiceCollectionExtensions.AddVigilOci"/>. Thread-safe.</remarks>
public sealed class RegistryClientFactory(
    IHttpClientFactory httpClientFactory,
    IOptions<OciOptions> options,
    IRegistryCredentialProvider credentials,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    /// <summary>The name of the <see cref="HttpClient"/> registry requests use (no automatic redirects, retries).</summary>
    public const string HttpClientName = "Vigil.Oci.Registry";

    /// <summary>
    /// A client for <paramref name="registry"/> (<c>docker.io</c>, <c>host:port</c>) with <paramref name="credential"/>, or
    /// with the configured credentials for that registry when null.
    /// </summary>
    public async Task<RegistryClient> CreateAsync(string registry, RegistryCredential? credential = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        credential ??= await credentials.GetCredentialAsync(registry, cancellationToken);
        return new RegistryClient(registry, httpClientFactory.CreateClient(HttpClientName), options.Value, credential, timeProvider,
            loggerFactory.CreateLogger<RegistryClient>());
    }
}
