using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Gates.Abstractions;
using Vigil.Gates.Hosting;
using Vigil.Gates.Policy;
using Vigil.Gates.Quarantine;
using Vigil.Gates.RegistryWebhook;
using Vigil.Gates.Tests.Quarantine;
using Vigil.Gates.Tests.Support;
using static Vigil.Gates.Tests.TestFindings;

namespace Vigil.Gates.Tests.RegistryWebhook;

public sealed class RegistryWebhookEndpointTests : IAsyncLifetime
{
    private const string Token = "push-gate-token";
    private readonly string directory = Directory.CreateTempSubdirectory("vigil-regwh-").FullName;
    private readonly FakePromoter promoter = new();
    private readonly FakeGateScanner scanner = new();
    private readonly CapturingLoggerProvider logs = new();
    private RunningGate gate = null!;
    private PushEventQueue queue = null!;

    public async Task InitializeAsync()
    {
        queue = await PushEventQueue.OpenAsync(Path.Combine(directory, "queue.db"), TimeProvider.System, default);
        var builder = GateWebHost.CreateBuilder("127.0.0.1", 0, null, null);
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<IGateScanner>(scanner);
        builder.Services.AddSingleton<IRegistryPromoter>(promoter);
        builder.Services.AddVigilRegistryGate(queue, new StaticPolicySource(GatePolicy.Default), o => o.BearerToken = Token, o => o.ReleaseRepository = "release/{repository}");
        var app = builder.Build();
        app.MapVigilRegistryWebhooks();
        gate = await RunningGate.StartAsync(app);
    }

    public async Task DisposeAsync()
    {
        await gate.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Authenticated_distribution_envelope_is_queued_once_and_promoted()
    {
        var first = await PostAsync("/events/distribution", "distribution-envelope.json", Token);
        var replay = await PostAsync("/events/distribution", "distribution-envelope.json", Token);

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(1, (int)first.Body!["queued"]!);
        Assert.Equal(2, (int)first.Body!["skipped"]!);
        Assert.Equal(0, (int)replay.Body!["queued"]!);

        var done = await WaitForDoneAsync("distribution:6b2a91ac-7e3c-4c59-a0a8-1f9f0d9a2a44");
        Assert.Equal("promoted to release/team/app:1.0", done.Outcome);
        Assert.Single(promoter.Calls);
        Assert.Equal(1, scanner.Calls(DigestA));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Unauthenticated_calls_get_401_and_nothing_is_queued(string? token)
    {
        var response = await PostAsync("/events/distribution", "distribution-envelope.json", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Empty(await queue.ListAsync(default));
    }

    [Fact]
    public async Task Malformed_authenticated_body_gets_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events/harbor") { Content = new StringContent("{\"type\":\"PUSH_ARTIFACT\"}") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await gate.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("repo_full_name", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_bodies_never_reach_the_logs()
    {
        using var unauthenticated = new HttpRequestMessage(HttpMethod.Post, "/events/distribution") { Content = new StringContent("{\"events\":[],\"password\":\"HUNTER2-UNAUTH\"}") };
        unauthenticated.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "TOKEN-GUESS-XYZ");
        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/events/acr") { Content = new StringContent("not json HUNTER2-MALFORMED") };
        malformed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var first = await gate.Client.SendAsync(unauthenticated);
        using var second = await gate.Client.SendAsync(malformed);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("not authenticated", logs.All, StringComparison.Ordinal);
        Assert.Contains("malformed: the body is not JSON", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("HUNTER2", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("TOKEN-GUESS", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_body_gets_413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events/acr") { Content = new ByteArrayContent(new byte[2 * 1024 * 1024]) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await gate.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, string file, string? token)
    {
        var body = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "RegistryWebhook", "testdata", file));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(DistributionEventParser.EnvelopeMediaType);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await gate.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.StatusCode == HttpStatusCode.Accepted ? JsonNode.Parse(text) : null);
    }

    private async Task<QueuedPushEvent> WaitForDoneAsync(string key)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await queue.GetAsync(key, default) is { State: QueueState.Done } done)
            {
                return done;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{key} was not completed.");
    }
}
