using Microsoft.Extensions.DependencyInjection;
using Vigil.Oci.Registry;

namespace Vigil.Oci.Tests.Support;

/// <summary>The product's services as a host would build them, with test options (fast retries).</summary>
internal static class OciServices
{
    public static ServiceProvider Services(Action<OciOptions>? configure = null) =>
        new ServiceCollection()
            .AddVigilOci(o =>
            {
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
                o.DockerConfigPath = "/nonexistent/config.json";
                configure?.Invoke(o);
            })
            .BuildServiceProvider();

    public static ImageSourceResolver Resolver(Action<OciOptions>? configure = null) =>
        Services(configure).GetRequiredService<ImageSourceResolver>();

    public static RegistryClientFactory Clients(Action<OciOptions>? configure = null) =>
        Services(configure).GetRequiredService<RegistryClientFactory>();
}
