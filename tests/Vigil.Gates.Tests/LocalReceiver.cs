using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Vigil.Gates.Hosting;

namespace Vigil.Gates.Tests;

/// <summary>An HTTP receiver on 127.0.0.1 that records every request and answers with scripted responses.</summary>
internal sealed class LocalReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> script = new();

    private LocalReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<LocalReceiver> StartAsync()
    {
        var app = GateWebHost.CreateBuilder("127.0.0.1", 0, null, null).Build();
        var receiver = new LocalReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseAddress = GateWebHost.Addresses(app)[0];
        return receiver;
    }

    /// <summary>The next requests get these answers, in order; afterwards 200.</summary>
    public void Respond(int status, string? retryAfter = null) => script.Enqueue((status, retryAfter));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new ReceivedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            DateTimeOffset.UtcNow));
        var (status, retryAfter) = script.TryDequeue(out var next) ? next : (200, null);
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        await context.Response.WriteAsync(status < 300 ? "ok" : "error");
    }
}

internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);
