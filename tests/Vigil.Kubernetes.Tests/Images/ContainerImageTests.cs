using Vigil.Kubernetes.Images;

namespace Vigil.Kubernetes.Tests.Images;

public sealed class ContainerImageTests
{
    private const string Hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Theory]
    [InlineData("docker.io/library/nginx@sha256:" + Hex, "nginx:1.27", "docker.io/library/nginx")]
    [InlineData("docker-pullable://nginx@sha256:" + Hex, "nginx:1.27", "docker.io/library/nginx")]
    [InlineData("docker-pullable://bitnami/redis@sha256:" + Hex, "bitnami/redis:7", "docker.io/bitnami/redis")]
    [InlineData("registry.example.com:5000/team/app@sha256:" + Hex, null, "registry.example.com:5000/team/app")]
    [InlineData("localhost/app@sha256:" + Hex, null, "localhost/app")]
    [InlineData("sha256:0000000000000000000000000000000000000000000000000000000000000000", "ghcr.io/o/app:v1@sha256:" + Hex, "ghcr.io/o/app")]
    public void Digest_comes_from_imageID_or_a_pinned_image(string imageId, string? image, string repository)
    {
        Assert.True(ContainerImage.TryParse(imageId, image, out var parsed));
        Assert.Equal(repository, parsed.Repository);
        Assert.Equal("sha256:" + Hex, parsed.Digest.ToString());
        Assert.Equal($"{repository}@sha256:{Hex}", parsed.Reference);
    }

    [Theory]
    [InlineData(null, "nginx:1.27")]
    [InlineData("", "nginx")]
    [InlineData("sha256:" + Hex, "nginx:latest")]
    [InlineData("nginx@sha256:short", null)]
    [InlineData("nginx@md5:" + Hex, null)]
    [InlineData("@sha256:" + Hex, null)]
    [InlineData("docker-pullable://", null)]
    public void Without_a_pullable_digest_the_container_waits(string? imageId, string? image)
    {
        Assert.False(ContainerImage.TryParse(imageId, image, out _));
    }
}
