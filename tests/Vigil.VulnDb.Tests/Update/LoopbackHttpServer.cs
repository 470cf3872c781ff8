using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Vigil.VulnDb.Tests.Update;

/// <summary>A static-file HTTP server on 127.0.0.1 for mirror tests: serves a dictionary of paths with ETags and 304s.</summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LoopbackHttpServer()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseAddress { get; }

    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Path, string? IfNoneMatch, int Status)> Requests { get; } = new();

    public void Dispose()
    {
        // Close alone: Stop then Close makes the managed listener unregister its port twice, and the second time it
        // binds the port again to do so, which fails once another test has taken that port.
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string ETagOf(byte[] content) => "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))[..16] + "\"";

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.TrimStart('/'));
            var ifNoneMatch = context.Request.Headers["If-None-Match"];
            int status;
            if (!Files.TryGetValue(path, out var content))
            {
                status = 404;
            }
            else if (ifNoneMatch == ETagOf(content))
            {
                status = 304;
            }
            else
            {
                status = 200;
                context.Response.Headers["ETag"] = ETagOf(content);
                context.Response.ContentLength64 = content.Length;
                await context.Response.OutputStream.WriteAsync(content);
            }

            Requests.Enqueue((path, ifNoneMatch, status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }
}
