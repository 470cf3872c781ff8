using Vigil.Oci.Registry;

namespace Vigil.Oci.Tests.Registry;

public sealed class RegistryEndpointTests
{
    [Theory]
    [InlineData("registry-1.docker.io", "https://registry-1.docker.io/")]
    [InlineData("ghcr.io", "https://ghcr.io/")]
    [InlineData("10.0.0.5:5000", "https://10.0.0.5:5000/")]
    [InlineData("localhost:5000", "http://localhost:5000/")]
    [InlineData("127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("127.8.9.10", "http://127.8.9.10/")]
    [InlineData("[::1]:5000", "http://[::1]:5000/")]
    [InlineData("insecure.internal:5000", "http://insecure.internal:5000/")]
    public void Uses_plain_http_only_for_loopback_and_listed_registries(string endpoint, string expected)
    {
        var options = new OciOptions();
        options.InsecureRegistries.Add("insecure.internal:5000");

        Assert.Equal(expected, RegistryEndpoint.BaseUri(endpoint, options).ToString());
    }
}
