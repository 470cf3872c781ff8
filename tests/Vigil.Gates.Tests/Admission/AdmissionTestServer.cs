using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Gates.Abstractions;
using Vigil.Gates.Admission;
using Vigil.Gates.Cache;
using Vigil.Gates.Hosting;
using Vigil.Gates.Policy;
using Vigil.Gates.Tests.Support;

namespace Vigil.Gates.Tests.Admission;

/// <summary>The admission webhook on a real Kestrel listener on 127.0.0.1 with a free port.</summary>
internal sealed class AdmissionTestServer : IAsyncDisposable
{
    private readonly RunningGate gate;

    private AdmissionTestServer(RunningGate gate) => this.gate = gate;

    public WebApplication App => gate.App;

    public HttpClient Client => gate.Client;

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
        return new AdmissionTestServer(await RunningGate.StartAsync(app, handler));
    }

    public ValueTask DisposeAsync() => gate.DisposeAsync();
}
