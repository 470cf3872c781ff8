using System.IO.Compression;
using System.Text;
using Vigil.VulnDb.Storage.Sqlite;
using Vigil.VulnDb.Update;

namespace Vigil.VulnDb.Tests.Update;

public sealed class OsvUpdaterTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteAdvisoryStore _store;

    public OsvUpdaterTests() => _store = new SqliteAdvisoryStore(_dir.File("db.sqlite"));

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Http_mirror_downloads_the_archive_then_answers_304_then_updates_incrementally()
    {
        using var server = new LoopbackHttpServer();
        server.Files["npm/all.zip"] = Zip(("A-1.json", OsvJson.Record("A-1", "npm", "a")), ("A-2.json", OsvJson.Record("A-2", "npm", "b")));
        var updater = new OsvUpdater(_store, OsvUpdater.CreateMirror(server.BaseAddress.AbsoluteUri, new PlainHttpClientFactory()));
        var options = Options("npm");

        var first = Assert.Single(await updater.UpdateAsync(options, default));
        Assert.Equal(UpdateKind.Full, first.Kind);
        Assert.Equal(2, first.Import!.Stored);

        var second = Assert.Single(await updater.UpdateAsync(options, default));
        Assert.Equal(UpdateKind.NotModified, second.Kind);
        Assert.Contains(server.Requests, r => r.Path == "npm/all.zip" && r.Status == 304 && r.IfNoneMatch is not null);

        // The mirror now publishes a modification list: the first run with it downloads the archive once more (no watermark
        // yet), later runs fetch only records modified after the watermark.
        server.Files["npm/modified_id.csv"] = Encoding.UTF8.GetBytes("2024-01-02T00:00:00Z,A-2\n2024-01-01T00:00:00Z,A-1\n");
        server.Files["npm/all.zip"] = Zip(("A-1.json", OsvJson.Record("A-1", "npm", "a")), ("A-2.json", OsvJson.Record("A-2", "npm", "b", modified: "2024-01-02T00:00:00Z")));
        Assert.Equal(UpdateKind.Full, Assert.Single(await updater.UpdateAsync(options, default)).Kind);

        server.Files["npm/modified_id.csv"] = Encoding.UTF8.GetBytes("2024-03-01T00:00:00Z,A-3\n2024-01-02T00:00:00Z,A-2\n2024-01-01T00:00:00Z,A-1\n");
        server.Files["npm/A-3.json"] = Encoding.UTF8.GetBytes(OsvJson.Record("A-3", "npm", "c", modified: "2024-03-01T00:00:00Z"));
        while (server.Requests.TryDequeue(out _))
        {
        }

        var incremental = Assert.Single(await updater.UpdateAsync(options, default));

        Assert.Equal(UpdateKind.Incremental, incremental.Kind);
        Assert.Equal(1, incremental.Import!.Stored);
        Assert.Equal(["npm/modified_id.csv", "npm/A-3.json"], server.Requests.Select(r => r.Path));
        Assert.Equal(3, (await _store.GetVersionAsync(default)).AdvisoryCount);
        Assert.Equal(DateTimeOffset.Parse("2024-03-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), (await _store.GetSourceStateAsync("osv:npm", default))!.Watermark);
    }

    [Fact]
    public async Task File_mirror_works_for_air_gapped_sites_and_reports_missing_ecosystems()
    {
        var mirror = Directory.CreateDirectory(_dir.File("mirror"));
        Directory.CreateDirectory(Path.Combine(mirror.FullName, "PyPI"));
        await File.WriteAllBytesAsync(Path.Combine(mirror.FullName, "PyPI", "all.zip"), Zip(("PYSEC-1.json", OsvJson.Record("PYSEC-1", "PyPI", "django"))));
        var updater = new OsvUpdater(_store, OsvUpdater.CreateMirror(new Uri(mirror.FullName).AbsoluteUri, new PlainHttpClientFactory()));

        var results = await updater.UpdateAsync(Options("PyPI", "Hackage"), default);

        Assert.Equal(UpdateKind.Full, results[0].Kind);
        Assert.Equal(UpdateKind.Failed, results[1].Kind);
        Assert.Contains("no archive", results[1].Message, StringComparison.Ordinal);
        Assert.Single(await _store.FindAsync("PyPI", "Django", default));
        Assert.Equal(UpdateKind.NotModified, (await updater.UpdateAsync(Options("PyPI"), default))[0].Kind);
    }

    [Fact]
    public async Task An_unreachable_mirror_fails_per_ecosystem_and_keeps_the_data()
    {
        var updater = new OsvUpdater(_store, OsvUpdater.CreateMirror("http://127.0.0.1:1/", new PlainHttpClientFactory()));
        var result = Assert.Single(await updater.UpdateAsync(Options("npm"), default));
        Assert.Equal(UpdateKind.Failed, result.Kind);
        Assert.NotNull(result.Message);
    }

    [Theory]
    [InlineData("ftp://mirror/osv")]
    [InlineData("relative/path")]
    public void Other_addresses_are_refused(string address) =>
        Assert.Throws<ArgumentException>(() => OsvUpdater.CreateMirror(address, new PlainHttpClientFactory()));

    [Fact]
    public async Task Modified_lists_skip_bad_lines_and_accept_root_list_ids()
    {
        using var reader = new StringReader("2024-01-01T00:00:00Z,PyPI/PYSEC-1\nnot a line\nbad-date,X\n2024-01-02T00:00:00Z,../../etc/passwd\n2024-01-03T00:00:00Z,GHSA-1\n");
        var entries = await ModifiedIdList.ReadAsync(reader, default);
        Assert.Equal(["PYSEC-1", "passwd", "GHSA-1"], entries.Select(e => e.Id));
    }

    private static OsvUpdateOptions Options(params string[] ecosystems)
    {
        var options = new OsvUpdateOptions();
        options.Ecosystems.Clear();
        foreach (var ecosystem in ecosystems)
        {
            options.Ecosystems.Add(ecosystem);
        }

        return options;
    }

    private static byte[] Zip(params (string Name, string Json)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, json) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(json));
            }
        }

        return buffer.ToArray();
    }

    private sealed class PlainHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromSeconds(30) };
    }
}
