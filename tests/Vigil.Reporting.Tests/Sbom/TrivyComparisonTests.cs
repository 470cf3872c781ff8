using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Analyzers;
using Vigil.Core;
using Vigil.Oci;
using Vigil.Oci.Layers;
using Vigil.Reporting.Sbom;
using Vigil.Scanning.Pipeline;
using Xunit.Abstractions;

namespace Vigil.Reporting.Tests.Sbom;

/// <summary>
/// Vigil's package set on the real fixture images, next to Trivy's SBOMs of the same images. The only expected difference
/// is the application's own <c>/app/package.json</c> (vuln-fixture-app), which Trivy lists and Vigil deliberately does not.
/// </summary>
public sealed class TrivyComparisonTests(ITestOutputHelper output)
{
    [FixtureImagesFact]
    public Task Base() => CompareAsync("base", expectedOnlyInTrivy: []);

    [FixtureImagesFact]
    public Task App() => CompareAsync("app", expectedOnlyInTrivy: ["npm vuln-fixture-app 1.0.0"]);

    [FixtureImagesFact]
    public Task AppWithWhiteout() => CompareAsync("app-whiteout", expectedOnlyInTrivy: ["npm vuln-fixture-app 1.0.0"]);

    private async Task CompareAsync(string tag, string[] expectedOnlyInTrivy)
    {
        var service = new ImageInventoryService(
            ImageSourceResolver.Create(), LayeredImageReader.Create(), () => new InventoryBuilder(AnalyzerCatalog.CreateAll()),
            TimeProvider.System, NullLogger<ImageInventoryService>.Instance);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var vigil = (await service.InventoryAsync(FixtureImages.DockerArchive(tag), cache: null, progress: null, CancellationToken.None)).Inventory;
        output.WriteLine($"{tag}: inventory in {watch.Elapsed.TotalSeconds:F2} s");
        Inventory trivy;
        await using (var file = File.OpenRead(FixtureImages.TrivySbom(tag)))
        {
            trivy = await SbomReader.ReadAsync(file, tag, CancellationToken.None);
        }

        var ours = vigil.Packages.Select(Key).ToHashSet(StringComparer.Ordinal);
        var theirs = trivy.Packages.Select(Key).ToHashSet(StringComparer.Ordinal);
        var onlyVigil = ours.Except(theirs).Order(StringComparer.Ordinal).ToList();
        var onlyTrivy = theirs.Except(ours).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"{tag}: Vigil {Counts(vigil)}; Trivy {Counts(trivy)}");
        output.WriteLine($"only Vigil: {string.Join(", ", onlyVigil)}");
        output.WriteLine($"only Trivy: {string.Join(", ", onlyTrivy)}");

        Assert.Equal(trivy.Os?.Ecosystem, vigil.Os?.Ecosystem);
        Assert.Empty(onlyVigil);
        Assert.Equal(expectedOnlyInTrivy, onlyTrivy);

        // Source packages agree where both name one (Debian advisories are per source package).
        var trivySources = trivy.Packages.Where(p => p.Type == PackageType.Os).ToDictionary(p => p.Name, p => (p.MatchName, p.MatchVersion));
        Assert.All(vigil.Packages.Where(p => p.Type == PackageType.Os), p => Assert.Equal(trivySources[p.Name], (p.MatchName, p.MatchVersion)));
        Assert.Empty(vigil.Warnings);
    }

    private static string Key(Package p) => $"{p.Ecosystem.Name} {p.Name} {p.Version}";

    private static string Counts(Inventory inventory) =>
        string.Join(" ", inventory.Packages.GroupBy(p => p.Ecosystem.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"));
}
