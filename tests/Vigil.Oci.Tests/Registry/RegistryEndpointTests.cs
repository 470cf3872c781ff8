using Vigil.Oci.Registry;

namespace Vigil.Oci.Tests.Registry;

public sealed class RegistryEndpointTests
{
    [Theory]
    [InlineData("registry-1.docker.io", false)]
    [InlineData("ghcr.io", false)]
    [InlineData("10.0.0.5:5000", false)]
    [InlineData("insecure.internal:5001", false)]
    [InlineData("localhost:5000", true)]
    [InlineData("127.0.0.1:5000", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("[::1]:5000", true)]
    [InlineData("insecure.internal:5000", true)]
    [InlineData("INSECURE.internal:5000", true)]
    public void Only_loopback_and_listed_registries_are_insecure(string endpoint, bool insecure)
    {
        var options = new OciOptions();
        options.InsecureRegistries.Add(" insecure.internal:5000 ");

        Assert.Equal(insecure, RegistryEndpoint.IsInsecure(endpoint, options));
    }

    [Fact]
    public void Uris_keep_the_port_and_ipv6_brackets()
    {
        Assert.Equal("https://[::1]:5000/", RegistryEndpoint.Https("[::1]:5000").ToString());
        Assert.Equal("http://10.0.0.5:5000/", RegistryEndpoint.Http("10.0.0.5:5000").ToString());
    }
}
