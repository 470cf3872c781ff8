using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Oci.Auth;

namespace Vigil.Oci.Registry;

/// <summary>Makes <see cref="RegistryClient"/>s with the shared HTTP pipeline, options and credentials.</summary>
/// <remarks>Registered by <see cref="OciServiceCollectionExtensions.AddVigilOci"/>. Thread-safe.</remarks>
public sealed partial class RegistryClientFactory(
    IHttpClientFactory httpClientFactory,
    IOptions<OciOptions> options,
    IRegistryCredentialProvider credentials,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    /// <summary>The name of the <see cref="HttpClient"/> registry requests use (no automatic redirects, retries).</summary>
    public const string HttpClientName = "Vigil.Oci.Registry";

    /// <summary>The same pipeline without certificate checks, only ever used for insecure registries over HTTPS.</summary>
    public const string InsecureHttpClientName = "Vigil.Oci.Registry.Insecure";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    // Per insecure endpoint, the scheme it answered on: probed once per process.
    private readonly ConcurrentDictionary<string, Lazy<Task<Uri>>> schemes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger logger = loggerFactory.CreateLogger<RegistryClientFactory>();

    /// <summary>
    /// A client for <paramref name="registry"/> (<c>docker.io</c>, <c>host:port</c>) with <paramref name="credential"/>, or
    /// with the configured credentials for that registry when null.
    /// </summary>
    public async Task<RegistryClient> CreateAsync(string registry, RegistryCredential? credential = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        credential ??= await credentials.GetCredentialAsync(registry, cancellationToken);
        var endpoint = RegistryClient.EndpointOf(registry);
        var baseUri = RegistryEndpoint.IsInsecure(endpoint, options.Value)
            ? await schemes.GetOrAdd(endpoint, e => new Lazy<Task<Uri>>(() => ProbeAsync(e))).Value.WaitAsync(cancellationToken)
            : RegistryEndpoint.Https(endpoint);
        var insecureTls = baseUri.Scheme == Uri.UriSchemeHttps && RegistryEndpoint.IsInsecure(endpoint, options.Value);
        var http = httpClientFactory.CreateClient(insecureTls ? InsecureHttpClientName : HttpClientName);
        return new RegistryClient(registry, baseUri, http, options.Value, credential, timeProvider, loggerFactory.CreateLogger<RegistryClient>());
    }

    /// <summary>
    /// Docker's order for an insecure registry: HTTPS without certificate checks, then plain HTTP if the TLS handshake
    /// fails. Any HTTP answer over TLS (200, 401, 404) settles it on HTTPS. Not retried: a refused handshake is an answer.
    /// </summary>
    private async Task<Uri> ProbeAsync(string endpoint)
    {
        var https = RegistryEndpoint.Https(endpoint);
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(https, "v2/"));
            request.Options.Set(RetryHandler.NoRetry, true);
            using var response = await httpClientFactory.CreateClient(InsecureHttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            LogScheme(endpoint, "HTTPS (certificate not verified)");
            return https;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            LogScheme(endpoint, "plain HTTP");
            return RegistryEndpoint.Http(endpoint);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Insecure registry {Endpoint} is reached over {Scheme}")]
    private partial void LogScheme(string endpoint, string scheme);
}
