using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Analyzers.Abstractions;
using Vigil.Core;
using Vigil.Gates.Abstractions;
using Vigil.Gates.Adapters;
using Vigil.Gates.Admission;
using Vigil.Gates.Cache;
using Vigil.Gates.Hosting;
using Vigil.Gates.Policy;
using Vigil.Gates.Tests.EndToEnd;
using Vigil.Gates.Tests.Support;
using Vigil.Scanning.Results;
using Vigil.Scanning.Sbom;

namespace Vigil.Gates.Tests.Admission;

/// <summary>
/// Admission answered from what Vigil already computed: a cached SBOM re-matched against the database, or the results
/// store the controller writes. Wired as <c>vigil gate admission</c> wires it; the scanner is a counting double so any
/// attempt to pull would show, and the images' registries do not exist.
/// </summary>
public sealed class FindingSourceAdmissionTests : IAsyncLifetime
{
    private static readonly Digest SbomOnly = Digest.Sha256("sbom-only"u8);
    private static readonly Digest IndexOfSbomOnly = Digest.Sha256("index of sbom-only"u8);
    private static readonly Digest StoreOnly = Digest.Sha256("store-only"u8);
    private static readonly Digest Unknown = Digest.Sha256("unknown"u8);
    private readonly string directory = Directory.CreateTempSubdirectory("vigil-admission-sources-").FullName;
    private readonly FakeGateScanner scanner = new() { Delay = TimeSpan.FromSeconds(30) };
    private RunningGate gate = null!;

    public async Task InitializeAsync()
    {
        var database = await GateFixtures.CreateDatabaseAsync(directory);
        var builder = GateWebHost.CreateBuilder("127.0.0.1", 0, null, null);
        builder.Services.AddVigilGateScanning(database);
        builder.Services.AddSingleton<IGateScanner>(scanner);
        builder.Services.AddVigilFindingSources(o =>
        {
            o.SbomCacheDirectory = Path.Combine(directory, "sbom");
            o.ResultsDatabasePath = Path.Combine(directory, "results.db");
        });
        builder.Services.AddVigilAdmission(new StaticPolicySource(GatePolicy.Default), o => o.Budget = TimeSpan.FromMilliseconds(500));
        var app = builder.Build();
        app.MapVigilAdmission();

        // An SBOM made earlier by another Vigil command: lodash 4.17.20 in a linux/amd64 image.
        var analyzers = app.Services.GetServices<IPackageAnalyzer>().ToDictionary(a => a.Id, a => a.Version);
        var artifact = new ArtifactInfo("registry.example.com/shop/web:1", ArtifactKind.Image) { ManifestDigest = SbomOnly, Platform = Platform.Parse("linux/amd64") };
        var lodash = new Package(Ecosystem.Parse("npm"), "lodash", "4.17.20", PackageType.Library, "pkg:npm/lodash@4.17.20");
        var inventory = new Inventory(artifact, null, [lodash]) { AnalyzerVersions = analyzers };
        await app.Services.GetRequiredService<SbomCache>().PutAsync(inventory, default);

        // The same image scanned through its multi-platform index digest: the scan pinned the index to this manifest.
        await app.Services.GetRequiredService<SbomCache>().PinAsync(IndexOfSbomOnly, Platform.Parse("linux/amd64"), SbomCacheKey.For(inventory), default);

        // Findings the controller wrote into the results store.
        await app.Services.GetRequiredService<IResultWriter>().ReplaceStoredFindingsAsync(
            new ImageScanInfo(StoreOnly, "db-1", DateTimeOffset.UtcNow.AddMinutes(-5)),
            [new StoredFinding("CVE-2024-5555", Severity.High, "openssl", "3.0.1") { FixedVersion = "3.0.2", Ecosystem = "Debian:12", Purl = "pkg:deb/debian/openssl@3.0.1" }],
            default);

        gate = await RunningGate.StartAsync(app);
    }

    public async Task DisposeAsync()
    {
        await gate.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Digest_known_only_through_a_cached_SBOM_is_rematched_and_denied_without_a_pull()
    {
        var response = await ReviewAsync(SbomOnly);

        Assert.False((bool)response["allowed"]!);
        var message = (string)response["status"]!["message"]!;
        Assert.StartsWith($"Vigil denied image registry.example.com/shop/web@{SbomOnly}: 1 vulnerability:", message, StringComparison.Ordinal);
        Assert.Contains("in lodash 4.17.20 (CRITICAL, fixed in 4.17.21)", message, StringComparison.Ordinal);
        Assert.Equal(0, scanner.TotalCalls);
    }

    [Fact]
    public async Task Index_digest_pinned_to_a_cached_SBOM_is_rematched_and_denied_without_a_pull()
    {
        var response = await ReviewAsync(IndexOfSbomOnly);

        Assert.False((bool)response["allowed"]!);
        Assert.Contains("in lodash 4.17.20 (CRITICAL, fixed in 4.17.21)", (string?)response["status"]!["message"], StringComparison.Ordinal);
        Assert.Equal(0, scanner.TotalCalls);
    }

    [Fact]
    public async Task Digest_known_only_through_the_results_store_is_denied_without_a_pull()
    {
        var response = await ReviewAsync(StoreOnly);

        Assert.False((bool)response["allowed"]!);
        Assert.Equal(
            $"Vigil denied image registry.example.com/shop/web@{StoreOnly}: 1 vulnerability: CVE-2024-5555 in openssl 3.0.1 (HIGH, fixed in 3.0.2).",
            (string?)response["status"]!["message"]);
        Assert.Equal(0, scanner.TotalCalls);
    }

    [Fact]
    public async Task Unknown_digest_is_scanned_inline_and_falls_to_unknownImage_when_the_budget_runs_out()
    {
        var response = await ReviewAsync(Unknown);

        Assert.False((bool)response["allowed"]!);
        Assert.Contains("did not finish within the time budget", (string?)response["status"]!["message"], StringComparison.Ordinal);
        Assert.Equal(1, scanner.Calls(Unknown));
    }

    private async Task<JsonNode> ReviewAsync(Digest digest)
    {
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Admission", "testdata", "pod-create.json"));
        var body = template.Replace(TestFindings.DigestA.ToString(), digest.ToString(), StringComparison.Ordinal);
        using var response = await gate.Client.PostAsync("/validate", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["response"]!;
    }
}
