using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Vigil.Web.Tests.Seeding;

namespace Vigil.Web.Tests;

/// <summary>The dashboard on a free loopback port over a freshly seeded database; shared by a test class.</summary>
public class SeededWebApp : IAsyncLifetime
{
    private WebApplication? _app;

    public string DirectoryPath { get; } = Path.Combine(Path.GetTempPath(), "vigil-web-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(DirectoryPath, "results.db");

    public SeedResult Seed { get; private set; } = null!;

    public FakeTimeProvider Time { get; } = new(SeedOptions.Small.Now.AddHours(2));

    public Uri BaseAddress { get; private set; } = null!;

    protected virtual Action<VigilWebOptions>? Configure => null;

    protected virtual Task<SeedResult> SeedAsync() => ResultSeeder.SeedAsync(DatabasePath, SeedOptions.Small, CancellationToken.None);

    public HttpClient CreateClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(DirectoryPath);
        Seed = await SeedAsync();
        _app = VigilWebHost.Create(DatabasePath, ["http://127.0.0.1:0"], Configure, logging => { }, Time);
        await _app.StartAsync();
        BaseAddress = new Uri(VigilWebHost.BoundAddresses(_app).Single());
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is not a test failure.
        }
    }
}
