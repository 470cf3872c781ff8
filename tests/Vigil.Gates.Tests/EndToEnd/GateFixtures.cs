using System.Text;
using Vigil.Testing.Images;
using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Storage;
using Vigil.VulnDb.Storage.Sqlite;

namespace Vigil.Gates.Tests.EndToEnd;

/// <summary>Small real inputs for end-to-end runs: an advisory database with one npm advisory, and images with lodash.</summary>
internal static class GateFixtures
{
    /// <summary>A database holding one critical lodash advisory, fixed in 4.17.21.</summary>
    public static async Task<string> CreateDatabaseAsync(string directory)
    {
        var path = Path.Combine(directory, "vigil.db");
        using var store = new SqliteAdvisoryStore(path);
        const string record = """
            {"id":"GHSA-35jh-r3h4-6jhm","modified":"2024-01-01T00:00:00Z","published":"2021-02-15T00:00:00Z",
             "aliases":["CVE-2021-23337"],"summary":"Command injection in lodash",
             "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
             "affected":[{"package":{"ecosystem":"npm","name":"lodash"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.21"}]}]}]}
            """;
        await store.ImportAsync(new ImportRequest("test", ImportMode.Merge), One(new OsvDocument("test", Encoding.UTF8.GetBytes(record))), default);
        return path;
    }

    /// <summary>An image with lodash at <paramref name="version"/> installed under <c>/app/node_modules</c>.</summary>
    public static Task<TestImage> ImageWithLodashAsync(string directory, string version) =>
        new TestImageBuilder(Path.Combine(directory, "layout-" + version))
            .Layer(l => l.File("app/node_modules/lodash/package.json", $$"""{"name":"lodash","version":"{{version}}"}"""))
            .Layer(l => l.File("app/index.js", "console.log('hi')"))
            .BuildAsync(version);

    private static async IAsyncEnumerable<OsvDocument> One(OsvDocument document)
    {
        await Task.Yield();
        yield return document;
    }
}
