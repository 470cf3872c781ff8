using System.Text.Json;
using Vigil.Testing.Registry;

namespace Vigil.Cli.Tests.Registry;

/// <summary>
/// A digest is immutable: once <c>vigil scan image REPO@sha256:…</c> has read an image, scanning the same digest again
/// needs nothing from the registry (the controller restarting over a thousand pods, a pipeline re-run, an air gap).
/// </summary>
[Collection(RegistryScanCollection.Name)]
public sealed class ScanPinnedDigestTests(RegistryScanFixture fixture)
{
    [Fact]
    public async Task A_digest_scanned_once_is_scanned_again_with_the_registry_gone()
    {
        var cache = Directory.CreateTempSubdirectory("vigil-pinned-").FullName;
        try
        {
            CopyDirectory(Path.Combine(fixture.CacheDir, "db"), Path.Combine(cache, "db"));
            string reference;
            IReadOnlyList<string?> firstIds;
            await using (var registry = await RegistryServer.StartAsync())
            {
                await fixture.Vulnerable.PushAsync(registry, "team/pinned:1");
                reference = $"{registry.Address}/team/pinned@{fixture.Vulnerable.ManifestDigest}";
                var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(["scan", "image", reference, "--cache-dir", cache, "--format", "json"]);
                Assert.True(exitCode == 0, stderr);
                firstIds = Ids(stdout);
            }

            // The registry is stopped and its port closed: any request would fail.
            var again = await VigilProcess.RunAsync(["scan", "image", reference, "--cache-dir", cache, "--format", "json"]);

            Assert.True(again.ExitCode == 0, again.Stderr);
            Assert.Equal(["CVE-2020-8203", "CVE-2021-44906"], firstIds);
            Assert.Equal(firstIds, Ids(again.Stdout));
            using var report = JsonDocument.Parse(again.Stdout);
            Assert.Equal(reference, report.RootElement.GetProperty("artifact").GetProperty("name").GetString());
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    private static List<string?> Ids(string json)
    {
        using var report = JsonDocument.Parse(json);
        return [.. report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()).Order()];
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
