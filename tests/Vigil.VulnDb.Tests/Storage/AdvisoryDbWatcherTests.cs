using Vigil.VulnDb.Storage;
using Vigil.VulnDb.Storage.Sqlite;

namespace Vigil.VulnDb.Tests.Storage;

public sealed class AdvisoryDbWatcherTests
{
    [Fact]
    public async Task Yields_the_current_version_and_then_each_change()
    {
        using var dir = new TempDirectory();
        using var store = new SqliteAdvisoryStore(dir.File("db.sqlite"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var versions = AdvisoryDbWatcher.WatchAsync(store, TimeSpan.FromMilliseconds(10), TimeProvider.System, cancel.Token).GetAsyncEnumerator(cancel.Token);

        Assert.True(await versions.MoveNextAsync());
        Assert.Equal(string.Empty, versions.Current.Fingerprint);

        var import = await store.ImportAsync(new ImportRequest("t", ImportMode.Replace), OsvJson.Documents(OsvJson.Record("A-1", "npm", "a")), default);
        Assert.True(await versions.MoveNextAsync());
        Assert.Equal(import.Version.Fingerprint, versions.Current.Fingerprint);
        Assert.Equal(1, versions.Current.AdvisoryCount);
    }
}
