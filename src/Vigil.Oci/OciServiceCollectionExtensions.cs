using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vigil.Oci.Auth;
using Vigil.Oci.Layers;
using Vigil.Oci.Registry;

namespace Vigil.Oci;

/// <summary>Registers image acquisition: <see cref="ImageSourceResolver"/>, <see cref="LayeredImageReader"/>, registry clients.</summary>
public static class OciServiceCollectionExtensions
{
    /// <summary>
    /// Adds Vigil.Oci: options, the registry HTTP client (no automatic redirects, retries on 429/5xx), the docker config
    /// credential provider (replace <see cref="IRegistryCredentialProvider"/> to supply others), resolver and reader.
    /// </summary>
    public static IServiceCollection AddVigilOci(this IServiceCollection services, Action<OciOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<OciOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRegistryCredentialProvider, DockerConfigCredentialProvider>();
        services.TryAddSingleton<RegistryClientFactory>();
        services.TryAddSingleton<ImageSourceResolver>();
        services.TryAddSingleton<LayeredImageReader>();
        AddRegistryHttpClient(services, RegistryClientFactory.HttpClientName, verifyCertificates: true);
        AddRegistryHttpClient(services, RegistryClientFactory.InsecureHttpClientName, verifyCertificates: false);
        return services;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5359", Justification = "Certificates go unchecked only on the client for insecure registries, which the user names (or loopback), as Docker does.")]
    private static void AddRegistryHttpClient(IServiceCollection services, string name, bool verifyCertificates) =>
        services.AddHttpClient(name, client => client.Timeout = TimeSpan.FromMinutes(2))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Redirects are followed by RegistryClient, which drops credentials; the handler must not follow them.
                AllowAutoRedirect = false,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                // Only for registries the user declared insecure (or loopback), as `docker --insecure-registry` does.
                SslOptions = verifyCertificates ? new() : new() { RemoteCertificateValidationCallback = static (_, _, _, _) => true },
            })
            .AddHttpMessageHandler(sp => new RetryHandler(sp.GetRequiredService<IOptions<OciOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
}
