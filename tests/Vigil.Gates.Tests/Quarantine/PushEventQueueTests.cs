using Microsoft.Extensions.Time.Testing;
using Vigil.Gates.Policy;
using Vigil.Gates.Quarantine;
using Vigil.Gates.RegistryWebhook;
using static Vigil.Gates.Tests.TestFindings;

namespace Vigil.Gates.Tests.Quarantine;

public sealed class PushEventQueueTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("vigil-queue-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    private static PushEvent Push(string key = "distribution:1") => new(PushEventSource.Distribution, key, "127.0.0.1:5000", "team/app", DigestA) { Tag = "1.0" };

    [Fact]
    public async Task Duplicate_and_replayed_events_are_stored_once()
    {
        var queue = await OpenAsync();

        Assert.True(await queue.EnqueueAsync(Push(), default));
        Assert.False(await queue.EnqueueAsync(Push(), default));
        var reopened = await OpenAsync();
        Assert.False(await reopened.EnqueueAsync(Push(), default));
        Assert.Single(await reopened.ListAsync(default));
    }

    [Fact]
    public async Task Event_moves_through_lease_verdict_and_completion()
    {
        var queue = await OpenAsync();
        await queue.EnqueueAsync(Push(), default);

        var leased = await queue.LeaseAsync("w1", TimeSpan.FromMinutes(1), default);
        Assert.NotNull(leased);
        Assert.Equal(QueueState.Pending, leased.State);
        Assert.Equal(1, leased.Attempts);
        Assert.Null(await queue.LeaseAsync("w2", TimeSpan.FromMinutes(1), default));

        var verdict = new StoredVerdict(VerdictDecision.Allowed, "ok", []);
        Assert.False(await queue.RecordVerdictAsync(leased.Event.Key, "w2", verdict, default));
        Assert.True(await queue.RecordVerdictAsync(leased.Event.Key, "w1", verdict, default));
        Assert.True(await queue.CompleteAsync(leased.Event.Key, "w1", "promoted", default));

        var done = await queue.GetAsync(leased.Event.Key, default);
        Assert.Equal(QueueState.Done, done!.State);
        Assert.Equal("promoted", done.Outcome);
        Assert.Equal(VerdictDecision.Allowed, done.Verdict!.Decision);
        Assert.Null(await queue.LeaseAsync("w1", TimeSpan.FromMinutes(1), default));
    }

    [Fact]
    public async Task Lease_of_a_dead_worker_expires_or_is_recovered_at_start()
    {
        var queue = await OpenAsync();
        await queue.EnqueueAsync(Push(), default);
        await queue.LeaseAsync("dead", TimeSpan.FromMinutes(10), default);

        Assert.Null(await queue.LeaseAsync("next", TimeSpan.FromMinutes(10), default));
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.NotNull(await queue.LeaseAsync("next", TimeSpan.FromMinutes(10), default));

        Assert.Equal(1, await queue.RecoverAsync(default));
        var again = await queue.LeaseAsync("restarted", TimeSpan.FromMinutes(10), default);
        Assert.Equal(3, again!.Attempts);
    }

    [Fact]
    public async Task Scanned_state_survives_a_restart_so_the_scan_is_not_repeated()
    {
        var queue = await OpenAsync();
        await queue.EnqueueAsync(Push(), default);
        var leased = await queue.LeaseAsync("w1", TimeSpan.FromMinutes(1), default);
        await queue.RecordVerdictAsync(leased!.Event.Key, "w1", new StoredVerdict(VerdictDecision.Denied, "bad", [new("CVE-1", "openssl", "1.0", "1.1", Vigil.Core.Severity.High)]), default);

        var reopened = await OpenAsync();
        await reopened.RecoverAsync(default);
        var resumed = await reopened.LeaseAsync("w2", TimeSpan.FromMinutes(1), default);

        Assert.Equal(QueueState.Scanned, resumed!.State);
        Assert.Equal("CVE-1", Assert.Single(resumed.Verdict!.Blocking).Id);
    }

    [Fact]
    public async Task Failed_attempts_retry_later_then_give_up()
    {
        var queue = await OpenAsync();
        await queue.EnqueueAsync(Push(), default);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var item = await queue.LeaseAsync("w", TimeSpan.FromMinutes(1), default);
            Assert.NotNull(item);
            await queue.FailAttemptAsync(item.Event.Key, "w", "boom", TimeSpan.FromSeconds(30), maxAttempts: 3, default);
            Assert.Null(await queue.LeaseAsync("w", TimeSpan.FromMinutes(1), default));
            clock.Advance(TimeSpan.FromSeconds(31));
        }

        var failed = await queue.GetAsync("distribution:1", default);
        Assert.Equal(QueueState.Failed, failed!.State);
        Assert.Equal("boom", failed.LastError);
        Assert.Null(await queue.LeaseAsync("w", TimeSpan.FromMinutes(1), default));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private Task<PushEventQueue> OpenAsync() => PushEventQueue.OpenAsync(Path.Combine(directory, "queue.db"), clock, default);
}
