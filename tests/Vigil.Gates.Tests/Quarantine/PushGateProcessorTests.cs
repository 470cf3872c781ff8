using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigil.Core;
using Vigil.Gates.Cache;
using Vigil.Gates.Notifications;
using Vigil.Gates.Policy;
using Vigil.Gates.Quarantine;
using Vigil.Gates.RegistryWebhook;
using static Vigil.Gates.Tests.TestFindings;

namespace Vigil.Gates.Tests.Quarantine;

public sealed class PushGateProcessorTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("vigil-gate-").FullName;
    private readonly FakeGateScanner scanner = new();
    private readonly FakePromoter promoter = new();
    private readonly RecordingPublisher publisher = new();
    private readonly PushGateOptions options = new() { ReleaseRepository = "release/{repository}", RetryDelay = TimeSpan.Zero };

    private static PushEvent Push(Digest digest, string key, PushEventSource source = PushEventSource.Distribution) =>
        new(source, key, "127.0.0.1:5000", "team/app", digest) { Tag = "1.0" };

    [Fact]
    public async Task Clean_image_is_promoted_by_digest_to_the_release_repository()
    {
        var queue = await OpenQueueAsync();
        await queue.EnqueueAsync(Push(DigestA, "e1"), default);

        Assert.Equal(1, await CreateProcessor(queue).DrainAsync(default));

        Assert.Equal([$"promote 127.0.0.1:5000/team/app@{DigestA.Short} -> release/team/app:1.0"], promoter.Calls);
        var done = await queue.GetAsync("e1", default);
        Assert.Equal(QueueState.Done, done!.State);
        Assert.Equal("promoted to release/team/app:1.0", done.Outcome);
        Assert.Empty(publisher.Published);
    }

    [Fact]
    public async Task Vulnerable_image_is_held_deleted_when_asked_and_notified()
    {
        scanner.Findings[DigestB] = [Create("CVE-2024-6387", Severity.Critical, "9.2p1-2+deb12u3", "openssh-server")];
        options.DeleteFailed = true;
        var queue = await OpenQueueAsync();
        await queue.EnqueueAsync(Push(DigestB, "e2"), default);

        await CreateProcessor(queue).DrainAsync(default);

        Assert.Equal([$"delete 127.0.0.1:5000/team/app@{DigestB.Short}"], promoter.Calls);
        var done = await queue.GetAsync("e2", default);
        Assert.Equal("held and deleted", done!.Outcome);
        Assert.Equal(VerdictDecision.Denied, done.Verdict!.Decision);
        var notification = Assert.Single(publisher.Published);
        Assert.Equal(GateNotification.ImageHeld, notification.Kind);
        Assert.Equal("CVE-2024-6387", Assert.Single(notification.Findings).Id);
        Assert.Contains("fixed in 9.2p1-2+deb12u3", notification.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kill_mid_scan_then_restart_completes_the_event_once()
    {
        scanner.Delay = TimeSpan.FromSeconds(30);
        var queue = await OpenQueueAsync();
        await queue.EnqueueAsync(Push(DigestA, "e3"), default);

        // First run: killed while the scan is under way.
        using (var kill = new CancellationTokenSource())
        {
            var first = CreateProcessor(queue);
            var running = first.DrainAsync(kill.Token);
            await scanner.ScanStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            kill.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        }

        Assert.Equal(QueueState.Pending, (await queue.GetAsync("e3", default))!.State);
        Assert.Empty(promoter.Calls);

        // Restart: a new process over the same file.
        scanner.Delay = TimeSpan.Zero;
        var reopened = await OpenQueueAsync();
        await reopened.RecoverAsync(default);
        await CreateProcessor(reopened).DrainAsync(default);
        await CreateProcessor(reopened).DrainAsync(default);

        Assert.Single(promoter.Calls);
        Assert.Equal(2, scanner.Calls(DigestA)); // the interrupted scan and the one that finished
        Assert.Equal(QueueState.Done, (await reopened.GetAsync("e3", default))!.State);
    }

    [Fact]
    public async Task Failed_promotion_is_retried_without_scanning_again()
    {
        promoter.FailuresLeft = 1;
        options.RetryDelay = TimeSpan.FromMilliseconds(300);
        var queue = await OpenQueueAsync();
        await queue.EnqueueAsync(Push(DigestA, "e4"), default);
        var cache = new MemoryFindingCache();

        await CreateProcessor(queue, cache).DrainAsync(default);
        var afterFailure = await queue.GetAsync("e4", default);
        Assert.Equal(QueueState.Scanned, afterFailure!.State);
        Assert.Contains("registry unavailable", afterFailure.LastError, StringComparison.Ordinal);

        await Task.Delay(400); // the retry delay
        await CreateProcessor(queue, new MemoryFindingCache()).DrainAsync(default);

        Assert.Equal(1, scanner.Calls(DigestA));
        Assert.Single(promoter.Calls);
        Assert.Equal(QueueState.Done, (await queue.GetAsync("e4", default))!.State);
    }

    [Fact]
    public async Task Acr_image_that_passes_is_released_through_the_quarantine_api()
    {
        await using var acrServer = await LocalReceiver.StartAsync();
        var queue = await OpenQueueAsync();
        var push = new PushEvent(PushEventSource.Acr, "acr:1", acrServer.BaseAddress.Authority, "team/app", DigestA) { Tag = "1.0" };
        await queue.EnqueueAsync(push, default);
        using var http = new HttpClient();
        var acr = new AcrQuarantineClient(http, Options.Create(new AcrQuarantineOptions { Scheme = "http", Username = "vigil-token", Password = "p@ss" }));

        await CreateProcessor(queue, acr: acr).DrainAsync(default);

        var request = Assert.Single(acrServer.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"/acr/v1/team/app/_manifests/{DigestA}", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String("vigil-token:p@ss"u8), request.Headers["Authorization"]);
        var body = System.Text.Json.Nodes.JsonNode.Parse(request.Body)!;
        Assert.Equal("Passed", (string?)body["quarantineState"]);
        Assert.Equal("Passed", (string?)System.Text.Json.Nodes.JsonNode.Parse((string)body["quarantineDetails"]!)!["state"]);
        Assert.Empty(promoter.Calls);
        Assert.Equal("released from quarantine", (await queue.GetAsync("acr:1", default))!.Outcome);
    }

    [Fact]
    public async Task Acr_image_that_fails_stays_quarantined()
    {
        scanner.Findings[DigestA] = [Create("CVE-1", Severity.Critical)];
        await using var acrServer = await LocalReceiver.StartAsync();
        var queue = await OpenQueueAsync();
        await queue.EnqueueAsync(new PushEvent(PushEventSource.Acr, "acr:2", acrServer.BaseAddress.Authority, "team/app", DigestA), default);
        using var http = new HttpClient();
        var acr = new AcrQuarantineClient(http, Options.Create(new AcrQuarantineOptions { Scheme = "http" }));

        await CreateProcessor(queue, acr: acr).DrainAsync(default);

        Assert.Empty(acrServer.Requests);
        Assert.Equal("held", (await queue.GetAsync("acr:2", default))!.Outcome);
    }

    [Fact]
    public void Release_repositories_are_recognised_so_promotions_are_not_gated_again()
    {
        Assert.True(options.IsReleaseRepository("release/team/app"));
        Assert.False(options.IsReleaseRepository("team/app"));
        Assert.False(options.IsReleaseRepository("release/"));
        Assert.True(new PushGateOptions { ReleaseRepository = "{repository}-release" }.IsReleaseRepository("team/app-release"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private Task<PushEventQueue> OpenQueueAsync() => PushEventQueue.OpenAsync(Path.Combine(directory, "queue.db"), TimeProvider.System, default);

    private PushGateProcessor CreateProcessor(PushEventQueue queue, MemoryFindingCache? cache = null, AcrQuarantineClient? acr = null) => new(
        queue,
        new PushGateSignal(),
        scanner,
        cache ?? new MemoryFindingCache(),
        new PolicyEvaluator(TimeProvider.System),
        new StaticPolicySource(GatePolicy.Default),
        Options.Create(options),
        NullLogger<PushGateProcessor>.Instance,
        promoter,
        acr,
        publisher);
}
