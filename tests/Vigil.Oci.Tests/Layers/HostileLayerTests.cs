using System.Formats.Tar;
using Vigil.Oci.Layers;
using Vigil.Oci.Manifests;
using Vigil.Oci.Streams;
using Vigil.Oci.Tests.Support;
using Vigil.Testing.Images;

namespace Vigil.Oci.Tests.Layers;

public sealed class HostileLayerTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LayeredImageReader reader = LayeredImageReader.Create();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Entries_climbing_above_the_root_are_skipped_with_a_warning()
    {
        var tar = new TestLayer()
            .Raw(w => w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "../../etc/cron.d/evil") { DataStream = new MemoryStream([1, 2, 3]) }))
            .Raw(w => w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "usr/../../escape") { DataStream = new MemoryStream([1]) }))
            .File("/etc/ok", "fine")
            .ToTar();
        var visitor = new RecordingVisitor(_ => true);

        var fs = await reader.ReadAsync(new MemoryImageSource(Blobs.Gzip(tar)), visitor);

        Assert.Equal("/etc/ok", Assert.Single(visitor.Visited).Entry.Path);
        Assert.Equal(2, fs.Warnings.Count(w => w.Message.Contains("climbs above the image root", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Absolute_and_dotted_entry_names_are_normalized_inside_the_image()
    {
        var tar = new TestLayer()
            .Raw(w => w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "/etc/absolute") { DataStream = new MemoryStream("a"u8.ToArray()) }))
            .Raw(w => w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "./usr/./lib/../lib//x") { DataStream = new MemoryStream("x"u8.ToArray()) }))
            .ToTar();
        var visitor = new RecordingVisitor(_ => true);

        await reader.ReadAsync(new MemoryImageSource(tar), visitor);

        Assert.Equal(["/etc/absolute", "/usr/lib/x"], visitor.Visited.Select(v => v.Entry.Path).Order());
    }

    [Fact]
    public async Task Links_pointing_outside_the_image_and_devices_are_warned_about_never_followed()
    {
        var tar = new TestLayer()
            .Symlink("/usr/share/evil", "../../../../etc/shadow")
            .Symlink("/usr/bin/ok", "../lib/ok")
            .Symlink("/etc/alternatives/absolute", "/usr/bin/python3")
            .HardLink("/tmp/hard", "../../etc/shadow")
            .CharacterDevice("/dev/kmsg")
            .ToTar();
        var visitor = new RecordingVisitor(_ => true);

        var fs = await reader.ReadAsync(new MemoryImageSource(tar), visitor);

        Assert.Empty(visitor.Visited);
        Assert.Equal(3, fs.Warnings.Count);
        Assert.Contains(fs.Warnings, w => w.Source.StartsWith("/usr/share/evil", StringComparison.Ordinal) && w.Message.Contains("outside the image", StringComparison.Ordinal));
        Assert.Contains(fs.Warnings, w => w.Source.StartsWith("/tmp/hard", StringComparison.Ordinal) && w.Message.Contains("hard link", StringComparison.Ordinal));
        Assert.Contains(fs.Warnings, w => w.Source.StartsWith("/dev/kmsg", StringComparison.Ordinal) && w.Message.Contains("device", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Oversized_wanted_files_are_skipped_with_a_warning()
    {
        var tar = new TestLayer().File("/big", new string('x', 5000)).File("/small", "ok").ToTar();
        var visitor = new RecordingVisitor(_ => true);

        var fs = await reader.ReadAsync(new MemoryImageSource(tar), visitor, new LayerReadOptions { MaxFileSize = 1000 });

        Assert.Equal("/small", Assert.Single(visitor.Visited).Entry.Path);
        Assert.Contains("larger than the 1000-byte limit", Assert.Single(fs.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decompression_bomb_is_stopped_by_the_ratio_limit()
    {
        var tar = new TestLayer().File("/zeros", new byte[8 * 1024 * 1024]).ToTar();
        var options = new LayerReadOptions { RatioCheckThreshold = 1024 * 1024, MaxCompressionRatio = 100 };

        var error = await Assert.ThrowsAsync<ImageReadException>(() =>
            reader.ReadAsync(new MemoryImageSource(Blobs.Gzip(tar)), new RecordingVisitor(_ => false), options));

        Assert.Contains("compression ratio limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_total_uncompressed_size_is_capped_over_all_layers()
    {
        var layer = Blobs.Gzip(new TestLayer().File("/f", new byte[300 * 1024]).ToTar());
        var options = new LayerReadOptions { MaxUncompressedBytes = 500 * 1024, MaxConcurrentLayers = 1 };

        var error = await Assert.ThrowsAsync<ImageReadException>(() =>
            reader.ReadAsync(new MemoryImageSource(layer, layer), new RecordingVisitor(_ => true), options));

        Assert.Contains("decompression bomb limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_entries_in_a_layer_are_refused()
    {
        var layer = new TestLayer();
        for (var i = 0; i < 20; i++)
        {
            layer.File($"/f{i}", "x");
        }

        var error = await Assert.ThrowsAsync<ImageReadException>(() =>
            reader.ReadAsync(new MemoryImageSource(layer.ToTar()), new RecordingVisitor(_ => false), new LayerReadOptions { MaxEntriesPerLayer = 10 }));

        Assert.Contains("more than 10 entries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrupt_gzip_is_a_clear_error()
    {
        var gzip = Blobs.Gzip(new TestLayer().File("/a", new string('a', 100_000)).File("/b", Guid.NewGuid().ToString()).ToTar());
        for (var i = 20; i < gzip.Length - 20; i += 7)
        {
            gzip[i] ^= 0x5a;
        }

        var error = await Assert.ThrowsAsync<ImageReadException>(() => reader.ReadAsync(new MemoryImageSource(gzip), new RecordingVisitor(_ => true)));

        Assert.Contains("layer 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_gzip_is_a_clear_error()
    {
        var random = new Random(42);
        var content = new byte[200_000];
        random.NextBytes(content);
        var gzip = Blobs.Gzip(new TestLayer().File("/random", content).ToTar());

        var error = await Assert.ThrowsAsync<ImageReadException>(() =>
            reader.ReadAsync(new MemoryImageSource(gzip[..(gzip.Length / 2)]), new RecordingVisitor(_ => false)));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_instead_of_a_tar_is_a_clear_error()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x42;

        var error = await Assert.ThrowsAsync<ImageReadException>(() => reader.ReadAsync(new MemoryImageSource(garbage), new RecordingVisitor(_ => true)));

        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_layer_blob_fails_its_digest_check()
    {
        var image = await new TestImageBuilder(temp.Combine("layout"))
            .Layer(l => l.File("/etc/os-release", "ID=real\n"))
            .BuildAsync();
        var blob = TestImageBuilder.BlobPath(image.LayoutDirectory, image.LayerDigests[0]);
        var forged = Blobs.Gzip(new TestLayer().File("/etc/os-release", "ID=evil\n").ToTar());
        await File.WriteAllBytesAsync(blob, forged);
        await using var source = await ImageSourceResolver.Create().OpenAsync(image.LayoutReference);

        var error = await Assert.ThrowsAsync<DigestMismatchException>(() => reader.ReadAsync(source, new RecordingVisitor(_ => true)));

        Assert.Contains(image.LayerDigests[0], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_manifest_is_refused_before_it_is_read()
    {
        var image = await new TestImageBuilder(temp.Combine("layout")).Layer(l => l.File("/a", "a")).BuildAsync();
        var resolver = ImageSourceResolver.Create(o => o.MaxManifestBytes = 100);

        var error = await Assert.ThrowsAsync<ManifestException>(() => resolver.OpenAsync(image.LayoutReference));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }
}
