using Vigil.Oci.Layers;
using Vigil.Oci.Tests.Support;
using Vigil.Testing.Images;
using Vigil.Testing.Registry;

namespace Vigil.Oci.Tests.Registry;

/// <summary>
/// Insecure registries as Docker reaches them, against the real registry: HTTPS without certificate checks when the
/// registry speaks TLS (a self-signed certificate made for the test), plain HTTP when it does not.
/// </summary>
public sealed class InsecureRegistryTests
{
    [Fact]
    public async Task A_loopback_registry_with_a_self_signed_certificate_is_pulled_over_https()
    {
        await using var registry = await RegistryServer.StartAsync(new RegistryServerOptions { Tls = true });
        using var temp = new TempDirectory();
        var image = await new TestImageBuilder(temp.Combine("layout")).Layer(l => l.File("/etc/hello", "over tls")).BuildAsync();
        await image.PushAsync(registry, "team/app:1");

        var client = await OciServices.Clients().CreateAsync(registry.Address);
        await client.PingAsync();
        await using var source = await OciServices.Resolver().OpenAsync($"{registry.Address}/team/app:1");
        var visitor = new RecordingVisitor(_ => true);
        await LayeredImageReader.Create().ReadAsync(source, visitor);

        Assert.Equal("https", client.BaseUri.Scheme);
        Assert.Equal(image.ManifestDigest, source.Artifact.ManifestDigest?.ToString());
        Assert.Equal("over tls", visitor.ContentOf("/etc/hello", 0));
    }

    [Fact]
    public async Task A_loopback_registry_without_tls_falls_back_to_plain_http()
    {
        await using var registry = await RegistryServer.StartAsync();

        var client = await OciServices.Clients().CreateAsync(registry.Address);
        await client.PingAsync();

        Assert.Equal("http", client.BaseUri.Scheme);
    }
}
