using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;
using Vigil.Core;
using Vigil.Kubernetes.Entities;
using Vigil.Kubernetes.Tests.Support;
using Xunit.Abstractions;

namespace Vigil.Kubernetes.Tests.Benchmarks;

/// <summary>
/// Scale run through the fake API server: N pods in Deployments sharing M distinct images, then new rollouts one by
/// one to measure event→report latency. Opt-in (<c>VIGIL_KUBE_BENCH=pods,images</c>, e.g. <c>10000,1000</c>), so CI stays fast.
/// </summary>
public sealed class ControllerScaleBenchmark(ITestOutputHelper output)
{
    [Fact]
    public async Task Scale_and_latency()
    {
        var setting = Environment.GetEnvironmentVariable("VIGIL_KUBE_BENCH");
        var (pods, images) = setting?.Split(',') is [var p, var i] ? (int.Parse(p, System.Globalization.CultureInfo.InvariantCulture), int.Parse(i, System.Globalization.CultureInfo.InvariantCulture)) : (200, 20);
        await using var h = await ControllerHarness.StartServerAsync(new Vigil.Testing.FakeKube.FakeKubeApiServerOptions { BookmarkInterval = TimeSpan.FromSeconds(5), HistoryCapacity = 200_000 });
        var digests = Enumerable.Range(0, images).Select(i => SimulatedCluster.DigestOf($"image-{i}")).ToArray();
        foreach (var digest in digests)
        {
            h.Engine.AddImage(digest, [.. Enumerable.Range(0, 20).Select(k => $"pkg-{k}")]);
        }

        for (var k = 0; k < 20; k += 3)
        {
            h.Engine.AddAdvisory($"pkg-{k}", $"CVE-2025-{k:0000}", (Severity)(k % 5), k % 2 == 0 ? "9" : null, bumpVersion: false);
        }

        // The cluster before the controller starts: one Deployment per image, pods spread evenly.
        var perImage = pods / images;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, images), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var ns = $"ns-{i % 50}";
            var (_, rs) = await h.Cluster.AddDeploymentAsync(ns, $"app-{i}");
            for (var j = 0; j < perImage; j++)
            {
                await h.Cluster.AddPodAsync(ns, $"app-{i}-{j}", rs, j % 2 == 0 ? "node-amd" : "node-arm", [("main", $"app-{i}")]);
                await h.Cluster.StartPodAsync(ns, $"app-{i}-{j}", [("main", $"registry.example.com/app-{i}@{digests[i]}")]);
            }
        });
        output.WriteLine($"created {pods} pods / {images} images in {clock.Elapsed.TotalSeconds:F1}s");

        clock.Restart();
        h.StartController(o => o.Concurrency = 8);
        var expectedReports = images * 2; // one per platform
        await h.WaitUntilAsync(async () => (await CountReportsAsync(h.Client)) >= expectedReports, "all reports", seconds: 1200);
        var initial = clock.Elapsed;
        output.WriteLine($"initial sync: {expectedReports} reports in {initial.TotalSeconds:F1}s; scans {h.Engine.Scans}");
        Assert.Equal(expectedReports, h.Engine.Scans);

        // Event → report latency: a new image rolled out to one pod at a time, timed by a watch on reports.
        var seen = new ConcurrentDictionary<string, long>();
        using var stop = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            try
            {
                using var reports = new GenericClient(h.Client, V1Alpha1VulnerabilityReport.Group, V1Alpha1VulnerabilityReport.Version, V1Alpha1VulnerabilityReport.Plural, disposeClient: false);
                await foreach (var (type, obj) in reports.WatchAsync<V1Alpha1VulnerabilityReport>(cancel: stop.Token))
                {
                    if (type == WatchEventType.Added)
                    {
                        seen.TryAdd(obj.Spec.Workload.Name, Stopwatch.GetTimestamp());
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        await Task.Delay(500);
        var latencies = new List<double>();
        for (var n = 0; n < 100; n++)
        {
            var name = $"new-{n}";
            var digest = SimulatedCluster.DigestOf(name);
            h.Engine.AddImage(digest, "pkg-0", "pkg-3");
            await h.Cluster.AddPodAsync("latency", name, null, "node-amd", [("main", "new")]);
            var started = Stopwatch.GetTimestamp();
            await h.Cluster.StartPodAsync("latency", name, [("main", $"registry.example.com/new@{digest}")]);
            await h.WaitUntilAsync(() => Task.FromResult(seen.ContainsKey(name)), "latency report", seconds: 60);
            latencies.Add(Stopwatch.GetElapsedTime(started, seen[name]).TotalMilliseconds);
        }

        await stop.CancelAsync();
        await watch;
        latencies.Sort();
        output.WriteLine($"event→report latency over {latencies.Count}: p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99) - 1]:F1} ms, max {latencies[^1]:F1} ms");

        // Re-match after a database update: every cached inventory (all images, both platforms), no scan.
        var scans = h.Engine.Scans;
        var keys = expectedReports + latencies.Count;
        var rematchesBefore = h.Controller.RematchCount;
        clock.Restart();
        h.Engine.AddAdvisory("pkg-1", "CVE-2026-0001", Severity.Critical, "2");
        await h.WaitUntilAsync(() => Task.FromResult(h.Controller.RematchCount - rematchesBefore >= keys), "re-match of every image", seconds: 1200);
        var rematched = clock.Elapsed;
        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync()).All(r => r.Report.DatabaseVersion == $"db-{h.Engine.DatabaseGeneration}"), "every report updated", seconds: 1200);
        output.WriteLine($"re-match after a database update: {keys} image keys in {rematched.TotalSeconds:F1}s, every report updated after {clock.Elapsed.TotalSeconds:F1}s; new scans {h.Engine.Scans - scans}");
        Assert.Equal(scans, h.Engine.Scans);

        // Steady-state memory: the managed heap with the controller running, then without it (same fake server state);
        // the difference is what the controller holds. The working set includes the in-process fake API server.
        var withController = SettledHeap();
        var workingSet = Environment.WorkingSet;
        await h.StopControllerAsync();
        var withoutController = SettledHeap();
        output.WriteLine($"steady state: controller managed heap {(withController - withoutController) / 1024.0 / 1024.0:F1} MiB; whole process heap {withController / 1024.0 / 1024.0:F0} MiB, fake server alone {withoutController / 1024.0 / 1024.0:F0} MiB; process working set (controller + fake server + test) {workingSet / 1024.0 / 1024.0:F0} MiB");
        Assert.Empty(h.Server.Faults);
    }

    private static long SettledHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<int> CountReportsAsync(k8s.Kubernetes client)
    {
        var list = await client.CustomObjects.ListClusterCustomObjectAsync(V1Alpha1VulnerabilityReport.Group, V1Alpha1VulnerabilityReport.Version, V1Alpha1VulnerabilityReport.Plural);
        return System.Text.Json.JsonSerializer.SerializeToElement(list).GetProperty("items").GetArrayLength();
    }
}
