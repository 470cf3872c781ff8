using Vigil.Core;
using Vigil.Oci.Layers;
using Vigil.Oci.Manifests;
using Vigil.Oci.Sources;
using Vigil.Oci.Tests.Support;
using Vigil.Testing.Images;

namespace Vigil.Oci.Tests.Sources;

public sealed class ImageSourceResolverTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly ImageSourceResolver resolver = ImageSourceResolver.Create();
    private readonly LayeredImageReader reader = LayeredImageReader.Create();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Opens_a_layout_directory_holding_one_image_without_a_tag()
    {
        var image = await TwoLayerImage("only");

        await using var source = await resolver.OpenAsync(image.LayoutDirectory);

        Assert.Equal(image.ManifestDigest, source.Artifact.ManifestDigest?.ToString());
        Assert.Equal(ArtifactKind.Image, source.Artifact.Kind);
        Assert.Equal(2, source.Layers.Count);
        Assert.Equal(2, source.Config?.DiffIds.Count);
    }

    [Fact]
    public async Task A_layout_with_several_images_needs_a_tag_and_lists_them()
    {
        await TwoLayerImage("one");
        var two = await TwoLayerImage("two");

        var error = await Assert.ThrowsAsync<ManifestException>(() => resolver.OpenAsync(two.LayoutDirectory));
        await using var picked = await resolver.OpenAsync(two.LayoutReference);
        var missing = await Assert.ThrowsAsync<ManifestException>(() => resolver.OpenAsync(two.LayoutDirectory + ":three"));

        Assert.Contains("one, two", error.Message, StringComparison.Ordinal);
        Assert.Equal(two.ManifestDigest, picked.Artifact.ManifestDigest?.ToString());
        Assert.Contains("no image tagged 'three'", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oci")]
    [InlineData("docker")]
    public async Task Opens_archives_detecting_their_kind(string kind)
    {
        var image = await TwoLayerImage("t");
        var archive = temp.Combine($"image.{kind}.tar");
        if (kind == "oci")
        {
            await image.WriteOciArchiveAsync(archive);
        }
        else
        {
            await image.WriteDockerArchiveAsync(archive, "team/app:1.0");
        }

        await using var source = await resolver.OpenAsync(archive);
        var visitor = new RecordingVisitor(_ => true);
        var fs = await reader.ReadAsync(source, visitor);

        Assert.Equal(image.ConfigDigest, source.Artifact.ConfigDigest?.ToString());
        Assert.Equal(2, source.Layers.Count);
        Assert.Equal("ID=layout\n", visitor.ContentOf("/etc/os-release", 0));
        Assert.False(fs.Survives("/tmp/gone", 0));
        if (kind == "docker")
        {
            Assert.Equal("docker.io/team/app", source.Artifact.Repository);
        }
        else
        {
            Assert.Equal(image.ManifestDigest, source.Artifact.ManifestDigest?.ToString());
        }
    }

    [Fact]
    public async Task Prefixes_force_the_kind()
    {
        var image = await TwoLayerImage("t");
        var archive = temp.Combine("image.tar");
        await image.WriteOciArchiveAsync(archive);

        await using var viaOci = await resolver.OpenAsync("oci:" + image.LayoutReference);
        await using var viaArchive = await resolver.OpenAsync("oci-archive:" + archive);

        Assert.Equal(image.ManifestDigest, viaOci.Artifact.ManifestDigest?.ToString());
        Assert.Equal(image.ManifestDigest, viaArchive.Artifact.ManifestDigest?.ToString());
    }

    [Fact]
    public async Task A_plain_directory_is_a_root_file_system_walked_without_following_links()
    {
        var root = temp.Combine("rootfs");
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        Directory.CreateDirectory(Path.Combine(root, "var", "lib", "dpkg"));
        await File.WriteAllTextAsync(Path.Combine(root, "etc", "os-release"), "ID=dir\n");
        await File.WriteAllTextAsync(Path.Combine(root, "var", "lib", "dpkg", "status"), "Package: x\n");
        var outside = temp.Combine("outside");
        Directory.CreateDirectory(outside);
        await File.WriteAllTextAsync(Path.Combine(outside, "secret"), "do not read");
        File.CreateSymbolicLink(Path.Combine(root, "etc", "linked-secret"), Path.Combine(outside, "secret"));
        Directory.CreateSymbolicLink(Path.Combine(root, "outside-dir"), outside);

        await using var source = await resolver.OpenAsync(root);
        var visitor = new RecordingVisitor(_ => true);
        var fs = await reader.ReadAsync(source, visitor);

        Assert.IsType<RootFileSystemSource>(source);
        Assert.Equal(ArtifactKind.RootFileSystem, source.Artifact.Kind);
        Assert.Equal(["/etc/os-release", "/var/lib/dpkg/status"], visitor.Visited.Select(v => v.Entry.Path).Order());
        Assert.Null(visitor.Visited.First().Entry.LayerDigest);
        Assert.True(fs.Survives("/etc/os-release", 0));
    }

    [Fact]
    public async Task Refuses_what_is_not_an_image_with_a_reason()
    {
        var gz = temp.Combine("x.tar.gz");
        await File.WriteAllBytesAsync(gz, Blobs.Gzip([1, 2, 3]));
        var tar = temp.Combine("other.tar");
        await File.WriteAllBytesAsync(tar, new TestLayer().File("/readme", "hi").ToTar());

        var compressed = await Assert.ThrowsAsync<ImageReadException>(() => resolver.OpenAsync(gz));
        var notImage = await Assert.ThrowsAsync<ImageReadException>(() => resolver.OpenAsync(tar));
        var missing = await Assert.ThrowsAsync<ImageReadException>(() => resolver.OpenAsync("/no/such/path"));
        var invalid = await Assert.ThrowsAsync<FormatException>(() => resolver.OpenAsync("Not A Reference"));

        Assert.Contains("compressed", compressed.Message, StringComparison.Ordinal);
        Assert.Contains("neither an oci-archive", notImage.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        Assert.Contains("white space", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_1_manifests_are_rejected_clearly()
    {
        var image = await TwoLayerImage("t");
        var manifestPath = TestImageBuilder.BlobPath(image.LayoutDirectory, image.ManifestDigest);
        var schema1 = """{"schemaVersion":1,"name":"x","tag":"t","fsLayers":[],"history":[]}"""u8.ToArray();
        var digest = Digest.Sha256(schema1).ToString();
        await File.WriteAllBytesAsync(TestImageBuilder.BlobPath(image.LayoutDirectory, digest), schema1);
        var index = await File.ReadAllTextAsync(Path.Combine(image.LayoutDirectory, "index.json"));
        await File.WriteAllTextAsync(Path.Combine(image.LayoutDirectory, "index.json"),
            index.Replace(image.ManifestDigest, digest, StringComparison.Ordinal).Replace($"\"size\":{new FileInfo(manifestPath).Length}", $"\"size\":{schema1.Length}", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ManifestException>(() => resolver.OpenAsync(image.LayoutReference));

        Assert.Contains("schema 1", error.Message, StringComparison.Ordinal);
    }

    private Task<TestImage> TwoLayerImage(string tag) =>
        new TestImageBuilder(temp.Combine("layout"))
            .Layer(l => l.File("/etc/os-release", "ID=layout\n").File("/tmp/gone", "x"))
            .Layer(l => l.Whiteout("/tmp/gone"))
            .BuildAsync(tag);
}
