using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.Testing.FakeKube;

/// <summary>
/// An in-process kube-apiserver for tests, on 127.0.0.1 and a free port, speaking the real wire protocol: JSON objects,
/// list and watch with resource versions, BOOKMARK events, 410 Gone after compaction, create/get/update/patch/delete,
/// the status subresource, owner-reference garbage collection and CustomResourceDefinitions.
/// </summary>
/// <remarks>
/// Known simplifications: no authentication or admission; namespaces need not exist; pods are deleted at once (no
/// graceful termination); strategic merge patch is served as a merge patch; custom resources are not validated or
/// pruned against their schema; list ignores <c>limit</c>/<c>continue</c> and always returns the latest state.
/// </remarks>
public sealed class FakeKubeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ObjectStore _store;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<FakeKubeRequest> _requests = new();
    private readonly ConcurrentQueue<Exception> _faults = new();
    private readonly Task _bookmarks;

    private FakeKubeApiServer(WebApplication app, ObjectStore store, TimeSpan bookmarkInterval)
    {
        _app = app;
        _store = store;
        var handler = new ApiRequestHandler(store, _requests.Enqueue, _faults.Enqueue, _stopping.Token);
        app.Run(handler.HandleAsync);
        _bookmarks = bookmarkInterval > TimeSpan.Zero ? BookmarkLoopAsync(bookmarkInterval) : Task.CompletedTask;
    }

    /// <summary>The server's address, such as <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<FakeKubeRequest> Requests => [.. _requests];

    /// <summary>Unexpected exceptions inside the fake (its own bugs); tests can assert there are none.</summary>
    public IReadOnlyList<Exception> Faults => [.. _faults];

    /// <summary>The current (latest) resource version of the cluster.</summary>
    public long ResourceVersion => _store.ResourceVersion;

    /// <summary>How many watch streams are open now.</summary>
    public int OpenWatches => _store.WatchCount;

    /// <summary>Starts a server on 127.0.0.1 and a free port.</summary>
    public static async Task<FakeKubeApiServer> StartAsync(FakeKubeApiServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeKubeApiServerOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeKubeApiServer(app, new ObjectStore(options.TimeProvider, options.HistoryCapacity), options.BookmarkInterval);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>Counts the requests that satisfy <paramref name="predicate"/>.</summary>
    public int CountRequests(Func<FakeKubeRequest, bool> predicate) => _requests.Count(predicate);

    /// <summary>Breaks every open watch connection, as a network failure or an API server restart would.</summary>
    /// <returns>How many watches were dropped.</returns>
    public int DropWatches() => _store.DropWatches();

    /// <summary>Forgets the event history: a watch from any resource version before now ends with 410 Gone (Expired).</summary>
    public void CompactHistory() => _store.Compact();

    /// <summary>Sends a BOOKMARK now to every watch that allows them.</summary>
    public void SendBookmarks() => _store.EmitBookmarks();

    /// <summary>Writes a kubeconfig file pointing at this server, with a token it does not check (KubernetesClient refuses a user without credentials).</summary>
    public async Task WriteKubeconfigAsync(string path, CancellationToken cancellationToken = default)
    {
        var yaml = string.Create(CultureInfo.InvariantCulture, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {BaseAddress.ToString().TrimEnd('/')}
            users:
            - name: fake
              user:
                token: not-checked-by-the-fake-server
            contexts:
            - name: fake
              context:
                cluster: fake
                user: fake
                namespace: default
            current-context: fake

            """);
        await File.WriteAllTextAsync(path, yaml, cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _bookmarks;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task BookmarkLoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                _store.EmitBookmarks();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }
}
