using Microsoft.AspNetCore.Builder;
using Vigil.Gates.Hosting;

namespace Vigil.Gates.Tests.Support;

/// <summary>
/// A gate web application started on its 127.0.0.1 listener, with a client for it. Disposing stops both and releases
/// pooled SQLite connections, so that the test can delete the directory its databases live in.
/// </summary>
internal sealed class RunningGate : IAsyncDisposable
{
    private RunningGate(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>Starts <paramref name="app"/> (built and mapped) and makes a client for its first address.</summary>
    public static async Task<RunningGate> StartAsync(WebApplication app, HttpMessageHandler? handler = null)
    {
        await app.StartAsync();
        var client = new HttpClient(handler ?? new HttpClientHandler()) { BaseAddress = GateWebHost.Addresses(app)[0], Timeout = TimeSpan.FromSeconds(30) };
        return new RunningGate(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
