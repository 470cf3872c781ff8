using System.Net;
using Vigil.Oci.Tests.Support;
using Vigil.Testing.Images;
using Vigil.Testing.Registry;

namespace Vigil.Oci.Tests.Registry;

/// <summary>The test registry itself: notifications reach the configured endpoint with the configured headers.</summary>
public sealed class RegistryServerTests
{
    [Fact]
    public async Task Sends_push_notifications_with_the_configured_headers()
    {
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var listener = new LoopbackHttpServer(async c =>
        {
            using var reader = new StreamReader(c.Request.InputStream);
            events.Enqueue(await reader.ReadToEndAsync());
            await LoopbackHttpServer.WriteAsync(c, (int)HttpStatusCode.OK);
        });
        await using var registry = await RegistryServer.StartAsync(new RegistryServerOptions
        {
            NotificationUrl = new Uri($"http://{listener.Address}/events"),
            NotificationHeaders = { ["Authorization"] = "Bearer hook-token" },
        });
        using var temp = new TempDirectory();
        var image = await new TestImageBuilder(temp.Combine("layout")).Layer(l => l.File("/a", "a")).BuildAsync();

        await image.PushAsync(registry, "team/app:1");
        for (var i = 0; i < 50 && !events.Any(e => e.Contains("\"push\"", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(events, e => e.Contains("\"push\"", StringComparison.Ordinal) && e.Contains("team/app", StringComparison.Ordinal));
        Assert.Contains(listener.Requests, r => r.Authorization == "Bearer hook-token");
        Assert.True(Directory.Exists(registry.StorageRoot));
    }
}
