using Vigil.Core.Images;

namespace Vigil.Oci.Tests.Images;

public sealed class ImageReferenceTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("nginx", "docker.io", "library/nginx", "latest", null, "docker.io/library/nginx:latest")]
    [InlineData("nginx:1.25", "docker.io", "library/nginx", "1.25", null, "docker.io/library/nginx:1.25")]
    [InlineData("bitnami/redis", "docker.io", "bitnami/redis", "latest", null, "docker.io/bitnami/redis:latest")]
    [InlineData("docker.io/nginx", "docker.io", "library/nginx", "latest", null, "docker.io/library/nginx:latest")]
    [InlineData("index.docker.io/library/nginx:x", "docker.io", "library/nginx", "x", null, "docker.io/library/nginx:x")]
    [InlineData("ghcr.io/org/team/app:v1.2.3", "ghcr.io", "org/team/app", "v1.2.3", null, "ghcr.io/org/team/app:v1.2.3")]
    [InlineData("localhost/app", "localhost", "app", "latest", null, "localhost/app:latest")]
    [InlineData("localhost:5000/app:dev", "localhost:5000", "app", "dev", null, "localhost:5000/app:dev")]
    [InlineData("127.0.0.1:5000/fixtures/debian:app", "127.0.0.1:5000", "fixtures/debian", "app", null, "127.0.0.1:5000/fixtures/debian:app")]
    [InlineData("[::1]:5000/app", "[::1]:5000", "app", "latest", null, "[::1]:5000/app:latest")]
    [InlineData("Registry/app", "Registry", "app", "latest", null, "Registry/app:latest")]
    [InlineData("myregistry.example.com:443/a__b/c-d.e:tag_1", "myregistry.example.com:443", "a__b/c-d.e", "tag_1", null, "myregistry.example.com:443/a__b/c-d.e:tag_1")]
    public void Normalizes_like_docker(string input, string registry, string repository, string? tag, string? digest, string canonical)
    {
        var reference = ImageReference.Parse(input);

        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest?.ToString());
        Assert.Equal(canonical, reference.ToString());
    }

    [Fact]
    public void Digest_only_has_no_tag_and_asks_for_the_digest()
    {
        var reference = ImageReference.Parse($"alpine@sha256:{Hex}");

        Assert.Null(reference.Tag);
        Assert.Equal($"sha256:{Hex}", reference.ManifestReference);
        Assert.Equal($"docker.io/library/alpine@sha256:{Hex}", reference.ToString());
    }

    [Fact]
    public void Tag_and_digest_keep_both_and_pull_by_digest()
    {
        var reference = ImageReference.Parse($"localhost:5000/app:1.0@sha256:{Hex}");

        Assert.Equal("1.0", reference.Tag);
        Assert.Equal($"sha256:{Hex}", reference.ManifestReference);
        Assert.Equal($"localhost:5000/app:1.0@sha256:{Hex}", reference.ToString());
    }

    [Theory]
    [InlineData("nginx", "registry-1.docker.io")]
    [InlineData("quay.io/a/b", "quay.io")]
    [InlineData("localhost:5000/a", "localhost:5000")]
    public void Maps_docker_hub_to_its_api_endpoint(string input, string endpoint) =>
        Assert.Equal(endpoint, ImageReference.Parse(input).RegistryEndpoint);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Nginx", "lower case")]
    [InlineData("library/Nginx", "lower case")]
    [InlineData("nginx:", "tag")]
    [InlineData("nginx:-bad", "tag")]
    [InlineData("nginx@sha256:abc", "not a digest")]
    [InlineData("nginx@md5:0123", "not a digest")]
    [InlineData("ngin x", "white space")]
    [InlineData("a//b", "repository")]
    [InlineData("-a/b", "repository")]
    [InlineData("exa_mple.com:5000/app", "registry")]
    [InlineData(":tag", "repository name is missing")]
    public void Rejects_invalid_references_with_the_reason(string input, string reason)
    {
        var ok = ImageReference.TryParse(input, out _, out var error);

        Assert.False(ok);
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<FormatException>(() => ImageReference.Parse(input));
    }

    [Fact]
    public void Rejects_names_longer_than_255()
    {
        var error = Assert.Throws<FormatException>(() => ImageReference.Parse("example.com/" + new string('a', 250)));
        Assert.Contains("255", error.Message, StringComparison.Ordinal);
    }
}
