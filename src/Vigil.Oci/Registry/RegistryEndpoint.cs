using System.Net;

namespace Vigil.Oci.Registry;

/// <summary>
/// How a registry's API is reached. HTTPS with verified certificates, except for loopback hosts and configured insecure
/// registries: those, as with Docker, are tried over HTTPS without certificate checks first and over plain HTTP when
/// they do not speak TLS (see <see cref="RegistryClientFactory"/>).
/// </summary>
internal static class RegistryEndpoint
{
    /// <summary>Whether <paramref name="endpoint"/> (a host already mapped, e.g. registry-1.docker.io) is insecure: loopback or listed.</summary>
    public static bool IsInsecure(string endpoint, OciOptions options) =>
        IsLoopback(endpoint) || options.InsecureRegistries.Any(r => string.Equals(r.Trim(), endpoint, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>https://host:port/</c>.</summary>
    public static Uri Https(string endpoint) => new($"https://{endpoint}/");

    /// <summary><c>http://host:port/</c>.</summary>
    public static Uri Http(string endpoint) => new($"http://{endpoint}/");

    /// <summary>Whether <c>host[:port]</c> is localhost, in 127.0.0.0/8 or ::1, which Docker treats as insecure.</summary>
    public static bool IsLoopback(string endpoint)
    {
        var host = HostOf(endpoint);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>The host part of <c>host[:port]</c>, without IPv6 brackets.</summary>
    public static string HostOf(string endpoint)
    {
        if (endpoint.StartsWith('['))
        {
            var close = endpoint.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? endpoint[1..close] : endpoint;
        }

        var colon = endpoint.LastIndexOf(':');
        return colon > 0 ? endpoint[..colon] : endpoint;
    }
}
