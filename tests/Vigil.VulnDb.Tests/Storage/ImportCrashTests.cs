using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Vigil.Testing;
using Vigil.VulnDb.Storage;
using Vigil.VulnDb.Storage.Sqlite;

namespace Vigil.VulnDb.Tests.Storage;

/// <summary>kill -9 during <c>vigil db import</c> must leave the previous database usable and unchanged.</summary>
public sealed class ImportCrashTests
{
    [Fact]
    public async Task Killing_the_importer_mid_way_leaves_the_previous_database()
    {
        using var dir = new TempDirectory();
        var databasePath = Path.Combine(dir.Path, "db", "vigil.db");
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        AdvisoryDbVersion before;
        using (var store = new SqliteAdvisoryStore(databasePath))
        {
            await store.ImportAsync(new ImportRequest("base", ImportMode.Replace), OsvJson.Documents(OsvJson.Record("BASE-1", "npm", "lodash")), default);
            before = await store.GetVersionAsync(default);
        }

        var zip = dir.File("big.zip");
        WriteBigArchive(zip, 30_000);

        using var process = StartCli("db", "import", zip, "--cache-dir", dir.Path);
        var wal = databasePath + "-wal";
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && (!File.Exists(wal) || new FileInfo(wal).Length < 2 * 1024 * 1024))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(5), "the import never started writing");
            await Task.Delay(20);
        }

        Assert.False(process.HasExited, "the import finished before it could be killed; make the archive larger");
        process.Kill(entireProcessTree: true); // SIGKILL: no cleanup, no rollback by the process
        await process.WaitForExitAsync();

        using var reopened = new SqliteAdvisoryStore(databasePath);
        var after = await reopened.GetVersionAsync(default);
        Assert.Equal(before, after);
        Assert.Equal("BASE-1", Assert.Single(await reopened.FindAsync("npm", "lodash", default)).Id);
        Assert.Null(await reopened.GetAsync("BIG-1", default));

        // And it still takes imports.
        var result = await reopened.ImportAsync(new ImportRequest("more", ImportMode.Replace), OsvJson.Documents(OsvJson.Record("MORE-1", "npm", "minimist")), default);
        Assert.Equal(2, result.Version.AdvisoryCount);
    }

    private static Process StartCli(params string[] arguments)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var cli = Path.Combine(RepositoryPaths.RepositoryRoot, "src", "Vigil.Cli", "bin", configuration, "net10.0", "vigil.dll");
        Assert.True(File.Exists(cli), $"{cli} is missing; it is built as a dependency of this test project");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void WriteBigArchive(string path, int count)
    {
        var details = new string('x', 1500);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        for (var i = 1; i <= count; i++)
        {
            var json = OsvJson.Record($"BIG-{i}", "PyPI", $"package-{i % 5000}").Replace("\"aliases\"", $"\"details\":\"{details}{i}\",\"aliases\"", StringComparison.Ordinal);
            using var stream = zip.CreateEntry($"BIG-{i}.json", CompressionLevel.Fastest).Open();
            stream.Write(Encoding.UTF8.GetBytes(json));
        }
    }
}
