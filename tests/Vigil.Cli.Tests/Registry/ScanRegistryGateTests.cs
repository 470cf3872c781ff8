using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Vigil.Testing.Registry;

namespace Vigil.Cli.Tests.Registry;

/// <summary>The pipeline gate against the real registry: <c>--wait</c> for a push and <c>--delete-on-fail</c>.</summary>
[Collection(RegistryScanCollection.Name)]
public sealed class ScanRegistryGateTests(RegistryScanFixture fixture)
{
    private string[] Scan(string reference, params string[] extra) => ["scan", "image", reference, "--cache-dir", fixture.CacheDir, .. extra];

    [Fact]
    public async Task Wait_SucceedsWhenTheTagIsPushedDuringTheWait()
    {
        var reference = $"{fixture.Registry.Address}/wait/app:pushed-later";
        var clock = Stopwatch.StartNew();
        var scan = VigilProcess.RunAsync(Scan(reference, "--wait", "--timeout", "00:02:00", "--exit-code", "1", "--format", "json", "--log-level", "Information"));

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(scan.IsCompleted, "the scan should still be waiting for the push");
        await fixture.Vulnerable.PushAsync(fixture.Registry, "wait/app:pushed-later");
        var (exitCode, stdout, stderr) = await scan;

        Assert.True(exitCode == 1, stderr);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2));
        Assert.Contains("Waiting for " + reference + ": not in the registry yet (check 1)", stderr, StringComparison.Ordinal);
        Assert.Contains(reference + " exists after", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(2, json.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task Wait_ForATagThatNeverAppears_TimesOutWithExitCode4()
    {
        var reference = $"{fixture.Registry.Address}/wait/app:never";
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Scan(reference, "--wait", "--timeout", "00:00:03", "--exit-code", "1"));

        Assert.Equal(4, exitCode);
        Assert.Empty(stdout);
        Assert.Contains($"{reference} did not appear within 00:00:03", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task DeleteOnFail_DeletesTheScannedManifestByDigest()
    {
        var reference = await fixture.Vulnerable.PushAsync(fixture.Registry, "delete/app:1");
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Scan(reference, "--delete-on-fail", "--exit-code", "1", "--format", "json"));

        Assert.True(exitCode == 1, stderr);
        using var json = JsonDocument.Parse(stdout);
        var digest = json.RootElement.GetProperty("artifact").GetProperty("manifestDigest").GetString()!;
        Assert.Equal(2, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Contains($"Deleted {fixture.Registry.Address}/delete/app@{digest} from the registry (--delete-on-fail): 2 findings remain", stderr, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, await ManifestStatusAsync(fixture.Registry, "delete/app", digest));
        Assert.Equal(HttpStatusCode.NotFound, await ManifestStatusAsync(fixture.Registry, "delete/app", "1"));
    }

    [Fact]
    public async Task DeleteOnFail_KeepsAnImageThatPasses()
    {
        var reference = await fixture.Clean.PushAsync(fixture.Registry, "delete/clean:1");
        var (exitCode, _, stderr) = await VigilProcess.RunAsync(Scan(reference, "--delete-on-fail", "--exit-code", "1", "--format", "json"));

        Assert.True(exitCode == 0, stderr);
        Assert.DoesNotContain("Deleted", stderr, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await ManifestStatusAsync(fixture.Registry, "delete/clean", "1"));
    }

    [Fact]
    public async Task DeleteOnFail_WhenTheRegistryRefuses_IsAClearError_AndTheReportIsStillWritten()
    {
        await using var registry = await RegistryServer.StartAsync(new RegistryServerOptions { DeleteEnabled = false });
        var reference = await fixture.Vulnerable.PushAsync(registry, "keep/app:1");
        var report = Path.Combine(fixture.Directory, "refused-" + Guid.NewGuid().ToString("N")[..8] + ".json");

        var (exitCode, _, stderr) = await VigilProcess.RunAsync(Scan(reference, "--delete-on-fail", "--exit-code", "1", "--format", $"json={report}"));

        Assert.Equal(3, exitCode);
        Assert.Contains("--delete-on-fail", stderr, StringComparison.Ordinal);
        Assert.Contains("2 findings remain after filters", stderr, StringComparison.Ordinal);
        Assert.Contains("does not allow deleting manifests", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        Assert.Equal(2, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, await ManifestStatusAsync(registry, "keep/app", "1"));
    }

    internal static async Task<HttpStatusCode> ManifestStatusAsync(RegistryServer registry, string repository, string reference)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(registry.BaseUri, $"v2/{repository}/manifests/{reference}"));
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.v2+json");
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
