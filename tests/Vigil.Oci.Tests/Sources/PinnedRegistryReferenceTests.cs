using Vigil.Oci.Tests.Support;

namespace Vigil.Oci.Tests.Sources;

/// <summary>Which inputs name an immutable registry image (and may be answered from the cache without the registry).</summary>
public sealed class PinnedRegistryReferenceTests : IDisposable
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("nginx@" + Digest, "docker.io/library/nginx@" + Digest)]
    [InlineData("nginx:1.27@" + Digest, "docker.io/library/nginx:1.27@" + Digest)]
    [InlineData("127.0.0.1:5000/team/app@" + Digest, "127.0.0.1:5000/team/app@" + Digest)]
    [InlineData("docker://ghcr.io/org/app@" + Digest, "ghcr.io/org/app@" + Digest)]
    [InlineData("registry:ghcr.io/org/app@" + Digest, "ghcr.io/org/app@" + Digest)]
    public void A_registry_reference_with_a_digest_is_pinned(string input, string expected) =>
        Assert.Equal(expected, ImageSourceResolver.PinnedRegistryReference(input)?.ToString());

    [Theory]
    [InlineData("nginx")]
    [InlineData("nginx:1.27")]
    [InlineData("docker://ghcr.io/org/app:1")]
    [InlineData("oci:/images/layout@" + Digest)]
    [InlineData("docker-archive:/tmp/app.tar")]
    [InlineData("dir:/rootfs")]
    public void Tags_and_local_inputs_are_not(string input) =>
        Assert.Null(ImageSourceResolver.PinnedRegistryReference(input));

    [Fact]
    public void An_existing_path_is_not_even_if_it_parses_as_a_reference()
    {
        var directory = Directory.CreateDirectory(temp.Combine("app@" + Digest)).FullName;

        Assert.Null(ImageSourceResolver.PinnedRegistryReference(directory));
    }
}
