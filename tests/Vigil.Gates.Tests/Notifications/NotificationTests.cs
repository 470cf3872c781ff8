using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Vigil.Core;
using Vigil.Gates.Abstractions;
using Vigil.Gates.Hosting;
using Vigil.Gates.Notifications;
using static Vigil.Gates.Tests.TestFindings;

namespace Vigil.Gates.Tests.Notifications;

public sealed class NotificationTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("vigil-notify-").FullName;
    private readonly CapturingLogger<NotificationSender> log = new();
    private readonly HttpClient http = new();
    private LocalReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await LocalReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await receiver.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private Uri SecretUrl(string path) => new(receiver.BaseAddress, path);

    private static GateNotification Held(params FindingSummary[] findings) => new(
        GateNotification.ImageHeld,
        "127.0.0.1:5000/team/app@" + DigestB,
        "127.0.0.1:5000/team/app:1.0",
        findings,
        "Vigil denied image 127.0.0.1:5000/team/app:1.0 <script>: 1 vulnerability.")
    {
        Digest = DigestB,
        Time = new DateTimeOffset(2026, 11, 22, 21, 0, 0, TimeSpan.Zero),
    };

    private static FindingSummary F(string id, Severity severity = Severity.Critical, string? fix = "2.36-9+deb12u3") => new(id, "libc6", "2.36-9", fix, severity);

    [Fact]
    public async Task Slack_payload_has_the_documented_block_kit_shape()
    {
        using var sender = Sender();

        Assert.True(await sender.SendAsync(new SlackChannel(SecretUrl("/services/T000/B000/XXXXSECRET")), [Held(F("CVE-2023-4911"), F("CVE-2024-1", Severity.Low, null))], false, default));

        var request = Assert.Single(receiver.Requests);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var payload = JsonNode.Parse(request.Body)!;
        Assert.Equal("Image held back: 127.0.0.1:5000/team/app:1.0", (string?)payload["text"]);
        var blocks = payload["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 1, 50);
        Assert.Equal("header", (string?)blocks[0]!["type"]);
        Assert.Equal("plain_text", (string?)blocks[0]!["text"]!["type"]);
        Assert.True(((string)blocks[0]!["text"]!["text"]!).Length <= 150);
        foreach (var block in blocks)
        {
            var type = (string?)block!["type"];
            Assert.Contains(type, new[] { "header", "section", "divider", "context" });
            if (type == "section")
            {
                Assert.True(block["text"] is not null || block["fields"] is not null);
                Assert.True(block["fields"] is null || block["fields"]!.AsArray().Count <= 10);
                Assert.True(block["text"] is null || ((string)block["text"]!["text"]!).Length <= 3000);
            }
        }

        var text = string.Join("\n", blocks.Select(b => (string?)b!["text"]?["text"]));
        Assert.Contains("&lt;script&gt;", text, StringComparison.Ordinal);
        Assert.Contains("• CVE-2023-4911 (CRITICAL) in libc6 2.36-9, fixed in 2.36-9+deb12u3", text, StringComparison.Ordinal);
        Assert.Contains("• CVE-2024-1 (LOW) in libc6 2.36-9, no fix yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_payload_is_a_message_with_one_adaptive_card()
    {
        using var sender = Sender();

        await sender.SendAsync(new TeamsChannel(SecretUrl("/workflows/abc/triggers/manual/paths/invoke?sig=SECRET")), [Held(F("CVE-2023-4911"))], false, default);

        var payload = JsonNode.Parse(Assert.Single(receiver.Requests).Body)!;
        Assert.Equal("message", (string?)payload["type"]);
        var attachment = Assert.Single(payload["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.4", (string?)card["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        var body = card["body"]!.AsArray();
        Assert.Equal("TextBlock", (string?)body[0]!["type"]);
        var facts = body.Single(b => (string?)b!["type"] == "FactSet")!["facts"]!.AsArray();
        Assert.Equal(["Image", "Digest", "Findings"], facts.Select(f => (string?)f!["title"]));
        Assert.Contains(body, b => ((string?)b!["text"])?.Contains("- CVE-2023-4911 (CRITICAL)", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Generic_webhook_gets_a_structured_cloudevent()
    {
        using var sender = Sender();

        await sender.SendAsync(new CloudEventsChannel(SecretUrl("/hook"), "hook-token"), [Held(F("CVE-2023-4911"))], false, default);

        var request = Assert.Single(receiver.Requests);
        Assert.StartsWith("application/cloudevents+json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("Bearer hook-token", request.Headers["Authorization"]);
        var cloudEvent = JsonNode.Parse(request.Body)!;
        Assert.Equal("1.0", (string?)cloudEvent["specversion"]);
        Assert.Equal("dev.vigil.image.held", (string?)cloudEvent["type"]);
        Assert.Equal("/vigil/gates", (string?)cloudEvent["source"]);
        Assert.Equal(32, ((string)cloudEvent["id"]!).Length);
        Assert.Equal("2026-11-22T21:00:00.000Z", (string?)cloudEvent["time"]);
        Assert.Equal("application/json", (string?)cloudEvent["datacontenttype"]);
        Assert.Equal(DigestB.ToString(), (string?)cloudEvent["data"]!["digest"]);
        Assert.Equal("CRITICAL", (string?)cloudEvent["data"]!["findings"]![0]!["severity"]);
    }

    [Fact]
    public async Task Throttled_and_failing_receivers_are_retried_honouring_retry_after()
    {
        receiver.Respond(429, retryAfter: "1");
        receiver.Respond(503);
        using var sender = Sender(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(50));
        var clock = Stopwatch.StartNew();

        var sent = await sender.SendAsync(new SlackChannel(SecretUrl("/services/SECRET")), [Held()], false, default);

        Assert.True(sent);
        Assert.Equal(3, receiver.Requests.Count);
        var times = receiver.Requests.Select(r => r.At).ToArray();
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"Retry-After not honoured: {times[1] - times[0]}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Sender_gives_up_after_the_retries_and_never_logs_the_secret_url()
    {
        for (var i = 0; i < 5; i++)
        {
            receiver.Respond(500);
        }

        using var sender = Sender(o =>
        {
            o.MaxRetries = 2;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });

        var sent = await sender.SendAsync(new SlackChannel(SecretUrl("/services/T000/B000/XXXXSECRET")), [Held()], false, default);
        var unreachable = await sender.SendAsync(new TeamsChannel(new Uri("http://127.0.0.1:1/SECRETPATH?sig=SECRETSIG")), [Held()], false, default);

        Assert.False(sent);
        Assert.False(unreachable);
        Assert.Equal(3, receiver.Requests.Count);
        Assert.Contains("HTTP 500", log.All, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", log.All, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:1/***", log.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limit_holds_messages_beyond_the_budget()
    {
        using var sender = Sender(o => o.MessagesPerMinute = 2);
        var channel = new SlackChannel(SecretUrl("/s"));
        await sender.SendAsync(channel, [Held()], false, default);
        await sender.SendAsync(channel, [Held()], false, default);

        using var shortWait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.SendAsync(channel, [Held()], false, shortWait.Token));
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task Each_new_finding_is_told_once_per_subject()
    {
        var (publisher, sender) = await PublisherAsync();
        using (sender)
        {
            await publisher.PublishAsync(Held(F("CVE-1")), default);
            await publisher.PublishAsync(Held(F("CVE-1")), default);
            await publisher.PublishAsync(Held(F("CVE-1"), F("CVE-2")), default);
            await publisher.PublishAsync(Held(F("CVE-1")) with { Subject = "other/workload" }, default);
        }

        var events = receiver.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(3, events.Count);
        Assert.Equal(["CVE-1"], Ids(events[0]));
        Assert.Equal(["CVE-2"], Ids(events[1]));
        Assert.Equal("other/workload", (string?)events[2]["subject"]);
    }

    [Fact]
    public async Task Daily_digest_collects_and_sends_one_message()
    {
        var (publisher, sender) = await PublisherAsync(o => o.DailyDigest = true);
        using (sender)
        {
            await publisher.PublishAsync(Held(F("CVE-1")), default);
            await publisher.PublishAsync(Held(F("CVE-2")) with { Subject = "shop/Deployment/api", Kind = GateNotification.WorkloadVulnerable }, default);
            Assert.Empty(receiver.Requests);

            Assert.Equal(2, await publisher.FlushDigestAsync(default));
            Assert.Equal(0, await publisher.FlushDigestAsync(default));
        }

        var request = Assert.Single(receiver.Requests);
        Assert.StartsWith("application/cloudevents-batch+json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(2, JsonNode.Parse(request.Body)!.AsArray().Count);
    }

    [Fact]
    public void Next_digest_run_is_today_or_tomorrow()
    {
        var at = new TimeOnly(8, 0);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero), DailyDigestService.NextRun(new DateTimeOffset(2026, 11, 22, 7, 0, 0, TimeSpan.Zero), at));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), DailyDigestService.NextRun(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero), at));
    }

    [Fact]
    public void Secrets_come_from_the_environment_or_a_secret_file()
    {
        var file = Path.Combine(directory, "slack-url");
        File.WriteAllText(file, "https://hooks.slack.com/services/T/B/X\n");
        var env = new Dictionary<string, string?> { ["A"] = "direct", ["B_FILE"] = file, ["C_FILE"] = Path.Combine(directory, "missing") };

        Assert.Equal("direct", SecretReader.Read("A", env.GetValueOrDefault));
        Assert.Equal("https://hooks.slack.com/services/T/B/X", SecretReader.Read("B", env.GetValueOrDefault));
        Assert.Null(SecretReader.Read("D", env.GetValueOrDefault));
        Assert.Throws<FileNotFoundException>(() => SecretReader.Read("C", env.GetValueOrDefault));
        Assert.Equal("https://hooks.slack.com/***", UrlRedactor.Redact(new Uri("https://hooks.slack.com/services/T/B/X")));
    }

    private static string[] Ids(JsonNode cloudEvent) => [.. cloudEvent["data"]!["findings"]!.AsArray().Select(f => (string)f!["id"]!)];

    private NotificationSender Sender(Action<NotificationOptions>? configure = null)
    {
        var options = new NotificationOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        configure?.Invoke(options);
        return new NotificationSender(http, Options.Create(options), log);
    }

    private async Task<(NotificationPublisher Publisher, NotificationSender Sender)> PublisherAsync(Action<NotificationOptions>? configure = null)
    {
        var options = new NotificationOptions();
        configure?.Invoke(options);
        var sender = new NotificationSender(http, Options.Create(options), log);
        var ledger = await NotificationLedger.OpenAsync(Path.Combine(directory, "ledger.db"), default);
        return (new NotificationPublisher([new CloudEventsChannel(SecretUrl("/hook"))], sender, ledger, Options.Create(options)), sender);
    }
}
