using Vigil.Oci.Layers;
using Vigil.Oci.Tests.Support;
using Vigil.Testing.Images;

namespace Vigil.Oci.Tests.Layers;

public sealed class LayeredImageReaderTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LayeredImageReader reader = LayeredImageReader.Create();
    private readonly ImageSourceResolver resolver = ImageSourceResolver.Create();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Applies_whiteouts_opaque_directories_and_overwrites()
    {
        var image = await new TestImageBuilder(temp.Combine("layout"))
            .Layer(l => l
                .File("/etc/os-release", "ID=debian\n")
                .File("/app/node_modules/lodash/package.json", "{\"version\":\"4.17.15\"}")
                .File("/app/node_modules/minimist/package.json", "{\"version\":\"1.2.0\"}")
                .File("/opt/tool/package.json", "old")
                .File("/srv/data/package.json", "replaced-by-symlink"))
            .Layer(l => l
                .Whiteout("/app/node_modules/lodash")
                .Opaque("/opt/tool")
                .File("/opt/tool/package.json", "new")
                .Symlink("/srv/data", "/elsewhere"))
            .Layer(l => l.File("/etc/os-release", "ID=debian\nVERSION_ID=12\n"))
            .BuildAsync("v1");
        await using var source = await resolver.OpenAsync(image.LayoutReference);
        var visitor = new RecordingVisitor(e => e.FileName is "os-release" or "package.json");

        var fs = await reader.ReadAsync(source, visitor);

        Assert.Equal(7, visitor.Visited.Count);
        var surviving = visitor.Visited.Where(v => fs.Survives(v.Entry.Path, v.Entry.LayerIndex))
            .Select(v => $"{v.Entry.Path}@{v.Entry.LayerIndex}={v.Content}").Order().ToList();
        Assert.Equal(
        [
            "/app/node_modules/minimist/package.json@0={\"version\":\"1.2.0\"}",
            "/etc/os-release@2=ID=debian\nVERSION_ID=12\n",
            "/opt/tool/package.json@1=new",
        ], surviving);
        Assert.Empty(fs.Warnings);
        Assert.DoesNotContain(visitor.Visited, v => v.Entry.FileName.StartsWith(".wh.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reads_only_wanted_files_and_asks_about_every_regular_file()
    {
        var image = await new TestImageBuilder(temp.Combine("layout"))
            .Layer(l => l.File("/a.txt", "A").File("/b.txt", "B").Directory("/d").Symlink("/l", "a.txt").File("/d/c.txt", "C", (UnixFileMode)0b111_101_101))
            .BuildAsync();
        await using var source = await resolver.OpenAsync(image.LayoutReference);
        var visitor = new RecordingVisitor(e => e.IsExecutable);

        var fs = await reader.ReadAsync(source, visitor);

        Assert.Equal(3, visitor.WantsCalls);
        Assert.Equal(3, fs.FilesSeen);
        var only = Assert.Single(visitor.Visited);
        Assert.Equal(("/d/c.txt", "C"), (only.Entry.Path, only.Content));
        Assert.Equal(image.LayerDigests[0], only.Entry.LayerDigest?.ToString());
    }

    [Theory]
    [InlineData(LayerCompression.Zstd)]
    [InlineData(LayerCompression.None)]
    [InlineData(LayerCompression.Gzip)]
    public async Task Detects_the_compression_by_magic_bytes(LayerCompression compression)
    {
        var image = await new TestImageBuilder(temp.Combine("layout"))
            .Layer(l => { l.Compression = compression; l.File("/etc/os-release", "ID=alpine\n"); })
            .BuildAsync();
        await using var source = await resolver.OpenAsync(image.LayoutReference);
        var visitor = new RecordingVisitor(_ => true);

        await reader.ReadAsync(source, visitor);

        Assert.Equal("ID=alpine\n", visitor.ContentOf("/etc/os-release", 0));
    }

    [Fact]
    public async Task Reads_umoci_layers_without_end_of_archive_marker()
    {
        var root = temp.Combine("rootfs");
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        await File.WriteAllTextAsync(Path.Combine(root, "etc", "os-release"), "ID=umoci\n");
        await File.WriteAllTextAsync(Path.Combine(root, "last-file"), new string('x', 1000));
        var reference = await TestImageBuilder.BuildWithUmociAsync(temp.Combine("layout"), "t", root);
        await using var source = await resolver.OpenAsync(reference);
        var visitor = new RecordingVisitor(_ => true);

        var fs = await reader.ReadAsync(source, visitor);

        Assert.Equal("ID=umoci\n", visitor.ContentOf("/etc/os-release", 0));
        Assert.Equal(1000, visitor.ContentOf("/last-file", 0)?.Length);
        Assert.Empty(fs.Warnings);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public async Task End_of_stream_at_an_entry_boundary_or_in_padding_is_the_end(int cutIntoPadding)
    {
        var tar = new TestLayer().File("/a", "first").File("/b", new string('b', 300)).ToTar();
        var source = new MemoryImageSource(Blobs.Gzip(Blobs.WithoutEndMarker(tar, cutIntoPadding)));
        var visitor = new RecordingVisitor(_ => true);

        await reader.ReadAsync(source, visitor);

        Assert.Equal(new string('b', 300), visitor.ContentOf("/b", 0));
    }

    [Fact]
    public async Task End_of_stream_inside_entry_data_is_an_error()
    {
        var tar = new TestLayer().File("/a", "first").File("/b", new string('b', 300)).ToTar();
        var source = new MemoryImageSource(Blobs.Gzip(Blobs.WithoutEndMarker(tar, 212 + 50)));

        var error = await Assert.ThrowsAsync<ImageReadException>(() => reader.ReadAsync(source, new RecordingVisitor(_ => false)));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains("inside the data of 'b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task End_of_stream_inside_a_large_skipped_file_says_where()
    {
        // Large files nobody wants are read past in big steps by the walker itself, not by the tar reader.
        var tar = new TestLayer().File("/big", new string('x', 200_000)).ToTar();
        var source = new MemoryImageSource(Blobs.Gzip(tar[..(512 + 100_000)]));

        var error = await Assert.ThrowsAsync<ImageReadException>(() => reader.ReadAsync(source, new RecordingVisitor(_ => false)));

        Assert.Matches("is truncated: it ends inside the data of 'big' after [0-9]+ of 200000 bytes", error.Message);
    }

    [Fact]
    public async Task Large_skipped_files_leave_the_walk_on_the_next_entry()
    {
        var tar = new TestLayer().File("/big", new string('x', 300_000)).File("/etc/os-release", "ID=debian\n").ToTar();
        var visitor = new RecordingVisitor(e => e.Path == "/etc/os-release");

        await reader.ReadAsync(new MemoryImageSource(Blobs.Gzip(tar)), visitor);

        Assert.Equal("ID=debian\n", visitor.ContentOf("/etc/os-release", 0));
    }

    [Fact]
    public async Task End_of_stream_inside_data_a_visitor_reads_is_an_error()
    {
        var tar = new TestLayer().File("/b", new string('b', 300)).ToTar();
        var source = new MemoryImageSource(Blobs.WithoutEndMarker(tar, 212 + 50));

        await Assert.ThrowsAsync<ImageReadException>(() => reader.ReadAsync(source, new RecordingVisitor(_ => true)));
    }

    [Fact]
    public async Task Visits_layers_concurrently_but_never_two_files_of_one_layer_and_reports_progress()
    {
        var builder = new TestImageBuilder(temp.Combine("layout"));
        for (var i = 0; i < 4; i++)
        {
            var layer = i;
            builder.Layer(l =>
            {
                for (var f = 0; f < 20; f++)
                {
                    l.File($"/layer{layer}/file{f}", $"{layer}/{f}");
                }
            });
        }

        var image = await builder.BuildAsync();
        await using var source = await resolver.OpenAsync(image.LayoutReference);
        var visitor = new RecordingVisitor(_ => true);
        var progress = new List<LayerProgress>();

        await reader.ReadAsync(source, visitor, new LayerReadOptions { MaxConcurrentLayers = 4 }, new SyncProgress(progress.Add));

        Assert.Equal(80, visitor.Visited.Count);
        Assert.Equal(0, visitor.ConcurrentVisitsInOneLayer);
        Assert.Equal([0, 1, 2, 3], progress.Where(p => p.Completed).Select(p => p.LayerIndex).Order());
        Assert.All(progress.Where(p => p.Completed), p => Assert.Equal(p.TotalBytes, p.BytesRead));
    }

    private sealed class SyncProgress(Action<LayerProgress> report) : IProgress<LayerProgress>
    {
        public void Report(LayerProgress value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
