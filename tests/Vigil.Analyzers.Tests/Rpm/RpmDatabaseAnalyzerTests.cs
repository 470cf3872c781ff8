using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using Vigil.Analyzers.Rpm;
using Vigil.Analyzers.Tests.Support;

namespace Vigil.Analyzers.Tests.Rpm;

public sealed class RpmDatabaseAnalyzerTests
{
    private readonly RpmDatabaseAnalyzer _analyzer = new();

    private static byte[][] Headers =>
    [
        RpmHeaderBuilder.Build("bash", "5.1.8", "9.el9", sourceRpm: "bash-5.1.8-9.el9.src.rpm", padding: 9000),
        RpmHeaderBuilder.Build("openssl-libs", "3.0.7", "27.el9", epoch: 1, sourceRpm: "openssl-3.0.7-27.el9.src.rpm"),
        RpmHeaderBuilder.Build("gpg-pubkey", "fd431d51", "4ae0493b", arch: "(none)"),
    ];

    [Fact]
    public void HeaderParser_ReadsFields()
    {
        var (record, error) = RpmHeaderParser.Parse(Headers[1]);

        Assert.Null(error);
        Assert.Equal(("openssl-libs", 1, "3.0.7", "27.el9", "x86_64", "openssl-3.0.7-27.el9.src.rpm"), (record!.Name, record.Epoch, record.Version, record.Release, record.Architecture, record.SourceRpm));
        Assert.Equal("1:3.0.7-27.el9", record.FullVersion);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(100)]
    public void HeaderParser_Truncated_IsAnError(int keep)
    {
        var (record, error) = RpmHeaderParser.Parse(Headers[0].AsSpan(0, keep));

        Assert.Null(record);
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("glibc-2.34-60.el9.src.rpm", "glibc", "2.34-60.el9")]
    [InlineData("python3.11-3.11.5-1.el9.nosrc.rpm", "python3.11", "3.11.5-1.el9")]
    public void SourceRpmNames(string file, string name, string version) => Assert.Equal((name, version), RpmHeaderParser.ParseSourceRpm(file));

    [Fact]
    public async Task Sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rpmdb-{Guid.NewGuid():N}.sqlite");
        try
        {
            using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
            {
                connection.Open();
                using var create = connection.CreateCommand();
                create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL);";
                create.ExecuteNonQuery();
                foreach (var header in Headers)
                {
                    using var insert = connection.CreateCommand();
                    insert.CommandText = "INSERT INTO Packages (blob) VALUES ($b)";
                    insert.Parameters.AddWithValue("$b", header);
                    insert.ExecuteNonQuery();
                }

                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                checkpoint.ExecuteNonQuery();
            }

            var result = await AnalyzerRunner.RunAsync(_analyzer, "/var/lib/rpm/rpmdb.sqlite", await File.ReadAllBytesAsync(path));

            AssertPackages(result.Packages);
            Assert.Empty(result.Warnings);
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task BerkeleyDbHash_WithOverflowPages()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/var/lib/rpm/Packages", BuildBerkeleyDb(Headers));

        AssertPackages(result.Packages);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task BerkeleyDbHash_BrokenOverflowChain_Warns()
    {
        var db = BuildBerkeleyDb(Headers);
        db.AsSpan((int)(db.Length - 4096)).Clear(); // Lose the last overflow page.

        var result = await AnalyzerRunner.RunAsync(_analyzer, "/var/lib/rpm/Packages", db);

        Assert.NotEmpty(result.Warnings);
        Assert.All(result.Warnings, w => Assert.Equal("/var/lib/rpm/Packages", w.Source));
    }

    [Fact]
    public async Task Ndb()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/usr/lib/sysimage/rpm/Packages.db", BuildNdb(Headers));

        AssertPackages(result.Packages);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Ndb_TruncatedHeaderBlob_Warns()
    {
        var headers = Headers;
        var truncated = headers[1][..30];
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/usr/lib/sysimage/rpm/Packages.db", BuildNdb([headers[0], truncated]));

        Assert.Equal("bash", Assert.Single(result.Packages).Name);
        Assert.Contains("truncated", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/var/lib/rpm/Packages")]
    [InlineData("/var/lib/rpm/rpmdb.sqlite")]
    public async Task Garbage_Throws_InvalidData(string path)
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => AnalyzerRunner.RunAsync(_analyzer, path, new byte[5000]));
    }

    [Fact]
    public async Task CorruptSqlite_Throws_InvalidData()
    {
        var bytes = new byte[8192];
        "SQLite format 3\0"u8.CopyTo(bytes);
        new Random(1).NextBytes(bytes.AsSpan(100));

        await Assert.ThrowsAsync<InvalidDataException>(() => AnalyzerRunner.RunAsync(_analyzer, "/var/lib/rpm/rpmdb.sqlite", bytes));
    }

    [Theory]
    [InlineData("/var/lib/rpm/Packages", true)]
    [InlineData("/var/lib/rpm/rpmdb.sqlite", true)]
    [InlineData("/usr/lib/sysimage/rpm/Packages.db", true)]
    [InlineData("/var/lib/rpm/Name", false)]
    [InlineData("/app/var/lib/rpm/Packages", false)]
    public void IsRequired(string path, bool expected) => Assert.Equal(expected, _analyzer.IsRequired(AnalyzerRunner.File(path)));

    private static void AssertPackages(IReadOnlyList<Vigil.Core.Package> packages)
    {
        Assert.Equal(["bash@5.1.8-9.el9", "openssl-libs@1:3.0.7-27.el9"], packages.Select(p => $"{p.Name}@{p.Version}").Order(StringComparer.Ordinal));
        var openssl = packages.Single(p => p.Name == "openssl-libs");
        Assert.Equal(("openssl", "1:3.0.7-27.el9"), (openssl.MatchName, openssl.MatchVersion));
        Assert.Null(openssl.SourceVersion); // Same as the binary version.
        Assert.Equal("pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&epoch=1", openssl.Purl);
        Assert.Null(packages.Single(p => p.Name == "bash").SourceName);
    }

    private static byte[] BuildBerkeleyDb(byte[][] values)
    {
        const int PageSize = 4096;
        var pages = new List<byte[]> { new byte[PageSize], new byte[PageSize] };
        BinaryPrimitives.WriteUInt32LittleEndian(pages[0].AsSpan(12), 0x061561);
        BinaryPrimitives.WriteUInt32LittleEndian(pages[0].AsSpan(20), PageSize);
        pages[0][25] = 8;
        var hash = pages[1];
        hash[25] = 13;
        BinaryPrimitives.WriteUInt16LittleEndian(hash.AsSpan(20), (ushort)(values.Length * 2));
        var top = PageSize;
        for (var i = 0; i < values.Length; i++)
        {
            // Key: 4-byte package number.
            top -= 5;
            hash[top] = 1;
            BinaryPrimitives.WriteUInt32LittleEndian(hash.AsSpan(top + 1), (uint)(i + 1));
            BinaryPrimitives.WriteUInt16LittleEndian(hash.AsSpan(26 + (i * 4)), (ushort)top);

            // Value: off-page, on a chain of overflow pages.
            top -= 12;
            hash[top] = 3;
            BinaryPrimitives.WriteUInt32LittleEndian(hash.AsSpan(top + 4), (uint)pages.Count);
            BinaryPrimitives.WriteUInt32LittleEndian(hash.AsSpan(top + 8), (uint)values[i].Length);
            BinaryPrimitives.WriteUInt16LittleEndian(hash.AsSpan(26 + (i * 4) + 2), (ushort)top);
            for (var written = 0; written < values[i].Length;)
            {
                var page = new byte[PageSize];
                page[25] = 7;
                var take = Math.Min(PageSize - 26, values[i].Length - written);
                BinaryPrimitives.WriteUInt16LittleEndian(page.AsSpan(22), (ushort)take);
                values[i].AsSpan(written, take).CopyTo(page.AsSpan(26));
                written += take;
                if (written < values[i].Length)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(16), (uint)(pages.Count + 1));
                }

                pages.Add(page);
            }
        }

        return pages.SelectMany(p => p).ToArray();
    }

    private static byte[] BuildNdb(byte[][] blobs)
    {
        var output = new MemoryStream();
        var slots = new byte[4096];
        "RpmP"u8.CopyTo(slots);
        BinaryPrimitives.WriteUInt32LittleEndian(slots.AsSpan(12), 1);
        output.Write(slots);
        for (var i = 0; i < blobs.Length; i++)
        {
            var slot = slots.AsSpan(32 + (i * 16));
            "Slot"u8.CopyTo(slot);
            BinaryPrimitives.WriteUInt32LittleEndian(slot[4..], (uint)(i + 1));
            BinaryPrimitives.WriteUInt32LittleEndian(slot[8..], (uint)(output.Length / 16));
            var header = new byte[16];
            "BlbS"u8.CopyTo(header);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)(i + 1));
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), (uint)blobs[i].Length);
            output.Write(header);
            output.Write(blobs[i]);
            while (output.Length % 16 != 0)
            {
                output.WriteByte(0);
            }
        }

        var bytes = output.ToArray();
        slots.CopyTo(bytes, 0);
        return bytes;
    }
}
