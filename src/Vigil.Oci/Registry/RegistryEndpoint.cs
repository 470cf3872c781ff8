using System.Net;

namespace Vigil.Oci.Registry;

/// <summary>Where a registry's API is: HTTPS, or plain HTTP for loopback hosts and configured insecure registries.</summary>
internal static class RegistryEndpoint
{
    /// <summary>The base URI (<c>https://host:port/</c>) for a registry host (already mapped, e.g. registry-1.docker.io).</summary>
    public static Uri BaseUri(string endpoint, OciOptions options)
    {
        var secure = !(IsLoopback(endpoint) || options.InsecureRegistries.Any(r => string.Equals(r.Trim(), endpoint, StringComparison.OrdinalIgnoreCase)));
        return new Uri($"{(secure ? "https" : "http")}://{endpoint}/");
    }

    /// <summary>Whether <c>host[:port]</c> is localhost, in 127.0.0.0/8 or ::1, which Docker reaches over plain HTTP.</summary>
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
