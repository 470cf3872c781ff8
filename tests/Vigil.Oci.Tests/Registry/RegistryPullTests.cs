using Vigil.Core;
using Vigil.Oci.Layers;
using Vigil.Oci.Manifests;
using Vigil.Oci.Registry;
using Vigil.Oci.Tests.Support;

namespace Vigil.Oci.Tests.Registry;

public sealed class RegistryPullTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly LayeredImageReader reader = LayeredImageReader.Create();

    [Fact]
    public async Task Pulls_anonymously_and_applies_whiteouts()
    {
        await using var source = await OciServices.Resolver().OpenAsync(fixture.AppReference);
        var visitor = new RecordingVisitor(_ => true);

        var fs = await reader.ReadAsync(source, visitor);

        Assert.Equal(fixture.App.ManifestDigest, source.Artifact.ManifestDigest?.ToString());
        Assert.Equal(fixture.App.ConfigDigest, source.Artifact.ConfigDigest?.ToString());
        Assert.Equal(fixture.App.LayerDigests, source.Artifact.Layers.Select(d => d.ToString()));
        Assert.Equal($"{fixture.Registry.Address}/team/app", source.Artifact.Repository);
        Assert.Equal(Platform.Default, source.Artifact.Platform);
        Assert.False(fs.Survives("/app/node_modules/lodash/package.json", 0));
        Assert.True(fs.Survives("/etc/os-release", 0));
        Assert.Equal("{\"name\":\"app\"}", visitor.ContentOf("/app/package.json", 1));
    }

    [Fact]
    public async Task Pulls_docker_schema_2_manifests()
    {
        await using var source = await OciServices.Resolver().OpenAsync(fixture.DockerFormatReference);
        var visitor = new RecordingVisitor(e => e.FileName == "os-release");

        await reader.ReadAsync(source, visitor);

        Assert.Equal(2, source.Layers.Count);
        Assert.Equal("ID=debian\nVERSION_ID=12\n", visitor.ContentOf("/etc/os-release", 0));
    }

    [Fact]
    public async Task Pulls_by_digest()
    {
        await using var source = await OciServices.Resolver().OpenAsync($"{fixture.Registry.Address}/team/app@{fixture.App.ManifestDigest}");

        Assert.Equal(fixture.App.ManifestDigest, source.Artifact.ManifestDigest?.ToString());
    }

    [Theory]
    [InlineData(null, "amd64")]
    [InlineData("linux/arm64", "arm64")]
    public async Task Selects_the_platform_from_a_multi_arch_index(string? platform, string expected)
    {
        var resolver = OciServices.Resolver(o => o.Platform = platform is null ? Platform.Default : Platform.Parse(platform));
        await using var source = await resolver.OpenAsync(fixture.MultiArchReference);
        var visitor = new RecordingVisitor(_ => true);

        await reader.ReadAsync(source, visitor);

        Assert.Equal(expected, visitor.ContentOf("/arch", 0));
        Assert.Equal(expected, source.Artifact.Platform?.Architecture);
    }

    [Fact]
    public async Task A_missing_platform_names_the_available_ones()
    {
        var resolver = OciServices.Resolver(o => o.Platform = Platform.Parse("linux/s390x"));

        var error = await Assert.ThrowsAsync<ManifestException>(() => resolver.OpenAsync(fixture.MultiArchReference));

        Assert.Contains("linux/s390x", error.Message, StringComparison.Ordinal);
        Assert.Contains("linux/amd64, linux/arm64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pulls_zstd_layers()
    {
        await using var source = await OciServices.Resolver().OpenAsync(fixture.ZstdReference);
        var visitor = new RecordingVisitor(_ => true);

        await reader.ReadAsync(source, visitor);

        Assert.Equal(TestingMediaTypes.Zstd, source.Layers[0].MediaType);
        Assert.Equal("ID=zstd\n", visitor.ContentOf("/etc/os-release", 0));
    }

    [Fact]
    public async Task A_missing_tag_names_the_repository_and_the_manifest()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => OciServices.Resolver().OpenAsync($"{fixture.Registry.Address}/team/app:nope"));

        Assert.Equal(RegistryErrorKind.NotFound, error.Kind);
        Assert.Equal("team/app", error.Repository);
        Assert.Contains("manifest 'nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("repository 'team/app'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_repository_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => OciServices.Resolver().OpenAsync($"{fixture.Registry.Address}/no/such:1"));

        Assert.Equal(RegistryErrorKind.NotFound, error.Kind);
        Assert.Contains("'no/such'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tells_whether_a_manifest_exists()
    {
        var client = await OciServices.Clients().CreateAsync(fixture.Registry.Address);

        Assert.True(await client.ManifestExistsAsync("team/app", "v1"));
        Assert.True(await client.ManifestExistsAsync("team/app", fixture.App.ManifestDigest));
        Assert.False(await client.ManifestExistsAsync("team/app", "missing"));
    }

    [Fact]
    public async Task Ping_answers_on_the_api_root()
    {
        var client = await OciServices.Clients().CreateAsync(fixture.Registry.Address);

        await client.PingAsync();

        Assert.Equal("http", client.BaseUri.Scheme);
    }

    private static class TestingMediaTypes
    {
        public const string Zstd = Vigil.Testing.Images.TestImageBuilder.ZstdLayer;
    }
}
