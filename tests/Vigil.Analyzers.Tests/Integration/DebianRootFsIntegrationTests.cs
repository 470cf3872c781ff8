using System.Diagnostics;
using Vigil.Core;

namespace Vigil.Analyzers.Tests.Integration;

/// <summary>
/// Inventories a real debootstrap'd Debian 12 root file system and checks the package set against dpkg-query's own view
/// of the same database.
/// </summary>
public sealed class DebianRootFsIntegrationTests
{
    [DebianRootFsFact]
    public async Task PackagesMatchDpkgQuery()
    {
        var root = await DebianRootFs.EnsureAsync();
        var builder = new InventoryBuilder(AnalyzerCatalog.CreateAll());

        var watch = Stopwatch.StartNew();
        await DirectoryVisitor.VisitAsync(root, builder, CancellationToken.None);
        var inventory = builder.Build(null, new ArtifactInfo(root, ArtifactKind.RootFileSystem), TimeProvider.System);
        watch.Stop();

        Assert.Equal(("debian", "12", "Debian:12", "bookworm"), (inventory.Os!.Id, inventory.Os.VersionId, inventory.Os.Ecosystem.ToString(), inventory.Os.Codename));
        var expected = await DpkgQueryAsync(root);
        var dpkg = inventory.Packages.Where(p => p.AnalyzerId == "dpkg").ToList();
        Assert.Equal(
            expected.Select(e => $"{e.Name} {e.Version} {e.Source} {e.SourceVersion}").Order(StringComparer.Ordinal),
            dpkg.Select(p => $"{p.Name} {p.Version} {p.MatchName} {p.MatchVersion}").Order(StringComparer.Ordinal));
        Assert.All(dpkg, p =>
        {
            Assert.Equal("Debian:12", p.Ecosystem.ToString());
            Assert.StartsWith($"pkg:deb/debian/{p.Name}@", p.Purl, StringComparison.Ordinal);
            Assert.EndsWith("distro=debian-12", p.Purl, StringComparison.Ordinal);
        });
        Assert.Empty(inventory.Warnings);
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), $"inventory took {watch.Elapsed}");
    }

    [Fact]
    public async Task CyclicSymlinks_DoNotLoop()
    {
        var root = Directory.CreateTempSubdirectory("vigil-cyclic-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "var/lib/dpkg"));
            await File.WriteAllTextAsync(Path.Combine(root, "var/lib/dpkg/status"), "Package: a\nStatus: install ok installed\nVersion: 1\n");
            File.CreateSymbolicLink(Path.Combine(root, "loop-a"), "loop-b");
            File.CreateSymbolicLink(Path.Combine(root, "loop-b"), "loop-a");
            Directory.CreateSymbolicLink(Path.Combine(root, "var/lib/dpkg/up"), "../../..");
            var builder = new InventoryBuilder(AnalyzerCatalog.CreateAll());

            var visit = DirectoryVisitor.VisitAsync(root, builder, CancellationToken.None);
            var finished = await Task.WhenAny(visit, Task.Delay(TimeSpan.FromSeconds(30)));

            Assert.Same(visit, finished);
            Assert.Equal(1, await visit);
            Assert.Equal("a", Assert.Single(builder.Build(null, new ArtifactInfo(root, ArtifactKind.RootFileSystem), TimeProvider.System).Packages).Name);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<List<(string Name, string Version, string Source, string SourceVersion)>> DpkgQueryAsync(string root)
    {
        var start = new ProcessStartInfo("dpkg-query",
            ["--admindir", Path.Combine(root, "var/lib/dpkg"), "-W", "-f", "${db:Status-Status}\t${Package}\t${Version}\t${source:Package}\t${source:Version}\n"])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .Where(f => f[0] == "installed")
            .Select(f => (f[1], f[2], f[3], f[4]))
            .ToList();
    }
}
