using System.IO.Compression;
using System.Text;
using Vigil.VulnDb.Osv;

namespace Vigil.VulnDb.Tests.Osv;

public sealed class OsvDocumentReaderTests
{
    [Fact]
    public async Task Reads_zips_directories_and_single_files()
    {
        using var dir = new TempDirectory();
        var records = Directory.CreateDirectory(dir.File("records"));
        await File.WriteAllTextAsync(Path.Combine(records.FullName, "A-1.json"), OsvJson.Record("A-1", "npm", "a"));
        await File.WriteAllTextAsync(Path.Combine(records.FullName, "notes.txt"), "not a record");
        using (var zip = ZipFile.Open(Path.Combine(records.FullName, "more.zip"), ZipArchiveMode.Create))
        {
            Write(zip, "B-1.json", OsvJson.Record("B-1", "npm", "b"));
            Write(zip, "README", "skipped");
        }

        Assert.Equal(2, await Count(records.FullName));
        Assert.Equal(1, await Count(Path.Combine(records.FullName, "A-1.json")));
        Assert.Equal(1, await Count(Path.Combine(records.FullName, "more.zip")));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Count(dir.File("missing.zip")));
    }

    [Fact]
    public async Task A_corrupt_zip_is_an_invalid_data_error()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("bad.zip"), "PK this is not a zip");
        await Assert.ThrowsAsync<InvalidDataException>(() => Count(dir.File("bad.zip")));
    }

    private static async Task<int> Count(string path)
    {
        var count = 0;
        await foreach (var document in OsvDocumentReader.ReadPathAsync(path, default))
        {
            Assert.True(OsvRecordParser.Parse(document.Content.Span).Record is not null);
            count++;
        }

        return count;
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
