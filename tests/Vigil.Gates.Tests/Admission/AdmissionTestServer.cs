using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Gates.Abstractions;
using Vigil.Gates.Admission;
using Vigil.Gates.Cache;
using Vigil.Gates.Hosting;
using Vigil.Gates.Policy;

namespace Vigil.Gates.Tests.Admission;

/// <summary>The admission webhook on a real Kestrel listener on 127.0.0.1 with a free port.</summary>
internal sealed class AdmissionTestServer : IAsyncDisposable
{
    private AdmissionTestServer(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<AdmissionTestServer> StartAsync(
        GatePolicy policy,
        MemoryFindingCache? cache,
        IGateScanner? scanner = null,
        IDigestResolver? resolver = null,
        TimeSpan? budget = null,
        string? certificatePath = null,
        string? keyPath = null,
        HttpMessageHandler? handler = null,
        IPolicySource? policies = null,
        IFindingCache? findingCache = null)
    {
        var builder = GateWebHost.CreateBuilder("127.0.0.1", 0, certificatePath, keyPath);
        builder.Services.AddSingleton<IFindingCache>(findingCache ?? cache ?? throw new ArgumentNullException(nameof(cache)));
        if (scanner is not null)
        {
            builder.Services.AddSingleton(scanner);
        }

        if (resolver is not null)
        {
            builder.Services.AddSingleton(resolver);
        }

        builder.Services.AddVigilAdmission(policies ?? new StaticPolicySource(policy), o => o.Budget = budget ?? TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.MapVigilAdmission();
        await app.StartAsync();
        var client = new HttpClient(handler ?? new HttpClientHandler()) { BaseAddress = GateWebHost.Addresses(app)[0], Timeout = TimeSpan.FromSeconds(30) };
        return new AdmissionTestServer(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
