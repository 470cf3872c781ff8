using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Gates.Abstractions;
using Vigil.Gates.Adapters;
using Vigil.Gates.Hosting;
using Vigil.Gates.Policy;
using Vigil.Gates.Quarantine;
using Vigil.Gates.RegistryWebhook;
using Vigil.Gates.Tests.Quarantine;
using Vigil.Oci.Registry;
using Vigil.Scanning.Pipeline;
using Vigil.Testing.Registry;

namespace Vigil.Gates.Tests.EndToEnd;

/// <summary>
/// The push gate against the real Debian <c>docker-registry</c> with <c>notifications:</c> pointing at it: images pushed
/// with skopeo, real events, the real scanning pipeline and registry client.
/// </summary>
public sealed class RegistryGateEndToEndTests : IAsyncLifetime
{
    private const string Token = "e2e-gate-token";
    private readonly string directory = Directory.CreateTempSubdirectory("vigil-e2e-gate-").FullName;
    private readonly RecordingPublisher notifications = new();
    private string database = null!;
    private int gatePort;

    public async Task InitializeAsync()
    {
        database = await GateFixtures.CreateDatabaseAsync(directory);
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        gatePort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Pushed_clean_image_is_promoted_and_vulnerable_one_is_held()
    {
        await using var gate = await StartGateAsync(TimeSpan.Zero);
        await using var registry = await StartRegistryAsync();
        var clean = await GateFixtures.ImageWithLodashAsync(directory, "4.17.21");
        var vulnerable = await GateFixtures.ImageWithLodashAsync(directory, "4.17.20");

        await clean.PushAsync(registry, "team/web:1.0");
        await vulnerable.PushAsync(registry, "team/api:2.0");

        var done = await WaitForAsync(gate.Queue, 2);
        var web = done.Single(e => e.Event.Repository == "team/web");
        var api = done.Single(e => e.Event.Repository == "team/api");
        Assert.Equal("promoted to release/team/web:1.0", web.Outcome);
        Assert.Equal(clean.ManifestDigest, web.Event.Digest.ToString());
        Assert.Equal("held", api.Outcome);
        Assert.Contains("CVE-2021-23337 in lodash 4.17.20 (CRITICAL, fixed in 4.17.21)", api.Verdict!.Summary, StringComparison.Ordinal);

        var client = await gate.Services.GetRequiredService<RegistryClientFactory>().CreateAsync(registry.Address);
        var promoted = await client.GetManifestAsync("release/team/web", "1.0");
        Assert.Equal(clean.ManifestDigest, promoted.Digest.ToString());
        Assert.False(await client.ManifestExistsAsync("release/team/api", "2.0"));
        Assert.Equal("CVE-2021-23337", Assert.Single(Assert.Single(notifications.Published).Findings).Id);

        // The promotion's own push event reached the gate too and was not gated again.
        await Task.Delay(500);
        Assert.Equal(2, (await gate.Queue.ListAsync(default)).Count);
    }

    [Fact]
    public async Task Gate_killed_mid_scan_completes_the_event_once_after_restart()
    {
        await using var registry = await StartRegistryAsync();
        var image = await GateFixtures.ImageWithLodashAsync(directory, "4.17.21");
        DelayedScanner slowScanner;

        await using (var first = await StartGateAsync(TimeSpan.FromMinutes(5)))
        {
            slowScanner = first.Scanner;
            await image.PushAsync(registry, "team/web:3.0");
            await slowScanner.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }

        var afterKill = Assert.Single(await (await PushEventQueue.OpenAsync(QueuePath, TimeProvider.System, default)).ListAsync(default));
        Assert.Equal(QueueState.Pending, afterKill.State);

        await using var second = await StartGateAsync(TimeSpan.Zero);
        var done = Assert.Single(await WaitForAsync(second.Queue, 1));

        Assert.Equal("promoted to release/team/web:3.0", done.Outcome);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(1, second.Scanner.Calls);
        var client = await second.Services.GetRequiredService<RegistryClientFactory>().CreateAsync(registry.Address);
        Assert.Equal(image.ManifestDigest, (await client.GetManifestAsync("release/team/web", "3.0")).Digest.ToString());

        // Redelivered or replayed events change nothing.
        await Task.Delay(500);
        Assert.Single(await second.Queue.ListAsync(default));
    }

    private string QueuePath => Path.Combine(directory, "queue.db");

    private Task<RegistryServer> StartRegistryAsync() => RegistryServer.StartAsync(new RegistryServerOptions
    {
        NotificationUrl = new Uri($"http://127.0.0.1:{gatePort}/events/distribution"),
        NotificationHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token },
    });

    private async Task<GateHost> StartGateAsync(TimeSpan scanDelay)
    {
        var queue = await PushEventQueue.OpenAsync(QueuePath, TimeProvider.System, default);
        var builder = GateWebHost.CreateBuilder("127.0.0.1", gatePort, null, null);
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddVigilGateScanning(database);
        DelayedScanner? scanner = null;
        builder.Services.AddSingleton<IGateScanner>(sp => scanner = new DelayedScanner(new ScanServiceGateScanner(sp.GetRequiredService<ScanService>(), TimeProvider.System), scanDelay));
        builder.Services.AddSingleton<Vigil.Gates.Notifications.INotificationPublisher>(notifications);
        builder.Services.AddVigilRegistryGate(queue, new StaticPolicySource(GatePolicy.Default), o => o.BearerToken = Token, o =>
        {
            o.ReleaseRepository = "release/{repository}";
            o.PollInterval = TimeSpan.FromMilliseconds(200);
        });
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.MapVigilRegistryWebhooks();
        await app.StartAsync();
        _ = app.Services.GetRequiredService<IGateScanner>();
        return new GateHost(app, queue, scanner!);
    }

    private static async Task<IReadOnlyList<QueuedPushEvent>> WaitForAsync(PushEventQueue queue, int count)
    {
        for (var i = 0; i < 600; i++)
        {
            var items = await queue.ListAsync(default);
            if (items.Count(e => e.State is QueueState.Done or QueueState.Failed) >= count)
            {
                Assert.All(items, e => Assert.Equal(QueueState.Done, e.State));
                return items;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The gate did not complete the pushes: " + string.Join("; ", (await queue.ListAsync(default)).Select(e => $"{e.Event.ImageReference} {e.State} {e.LastError}")));
    }

    private sealed record GateHost(WebApplication App, PushEventQueue Queue, DelayedScanner Scanner) : IAsyncDisposable
    {
        public IServiceProvider Services => App.Services;

        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
