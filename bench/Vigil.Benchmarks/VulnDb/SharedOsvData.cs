using System.Text.Json;
using Vigil.Core;
using Vigil.Testing;
using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Storage;
using Vigil.VulnDb.Storage.Sqlite;

namespace Vigil.Benchmarks.VulnDb;

/// <summary>The staged OSV data in <c>../shared/data</c>: archives to import and real package queries to match.</summary>
internal static class SharedOsvData
{
    private static readonly HashSet<string> OsEcosystems = new(StringComparer.Ordinal) { "Debian", "Ubuntu", "Alpine", "openSUSE" };

    public static string DataDirectory =>
        Path.Combine(RepositoryPaths.SharedDirectory ?? throw new InvalidOperationException("../shared is required for these benchmarks."), "data");

    public static IEnumerable<string> Archives() =>
        Directory.GetFiles(Path.Combine(DataDirectory, "osv"), "*.zip").Concat(Directory.GetFiles(Path.Combine(DataDirectory, "osv-converted"), "*.zip")).Order(StringComparer.Ordinal);

    /// <summary>Imports every staged archive into a new database at <paramref name="path"/>.</summary>
    public static async Task<SqliteAdvisoryStore> ImportAllAsync(string path)
    {
        var store = new SqliteAdvisoryStore(path);
        foreach (var zip in Archives())
        {
            await store.ImportAsync(new ImportRequest("import:" + zip, ImportMode.Replace), OsvDocumentReader.ReadPathAsync(zip, default), default);
        }

        return store;
    }

    /// <summary>The packages of the recorded osv.dev queries (real names and versions, most of them not vulnerable).</summary>
    public static IReadOnlyList<Package> QueryPackages()
    {
        var packages = new List<Package>();
        foreach (var line in File.ReadLines(Path.Combine(DataDirectory, "groundtruth", "queries_dedup.jsonl")))
        {
            using var query = JsonDocument.Parse(line);
            var root = query.RootElement;
            if (root.GetProperty("ecosystem").GetString() is { } ecosystem && root.GetProperty("name").GetString() is { } name && root.GetProperty("version").GetString() is { } version)
            {
                var parsed = Ecosystem.Parse(ecosystem);
                var type = OsEcosystems.Contains(parsed.Name) ? PackageType.Os : PackageType.Library;
                packages.Add(new Package(parsed, name, version, type, $"pkg:generic/{name}@{version}"));
            }
        }

        return packages;
    }

    /// <summary><paramref name="count"/> inventories of <paramref name="size"/> packages drawn from the query packages, deterministically.</summary>
    public static IReadOnlyList<Inventory> Inventories(int count, int size)
    {
        var pool = QueryPackages();
        var random = new Random(4);
        return Enumerable.Range(0, count)
            .Select(i => new Inventory(new ArtifactInfo($"image-{i}", ArtifactKind.Image), null, [.. Enumerable.Range(0, size).Select(_ => pool[random.Next(pool.Count)])]))
            .ToList();
    }
}
