namespace Vigil.Cli.Tests;

/// <summary>Runs <c>vigil demo --keep</c> once: its sample layout and database serve the scan tests too.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "vigil-cli-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public int ExitCode { get; private set; }

    public string Stdout { get; private set; } = string.Empty;

    public string Stderr { get; private set; } = string.Empty;

    public string Layout => Path.Combine(Directory, "image") + ":demo";

    public string CacheDir => Path.Combine(Directory, "cache");

    public async Task InitializeAsync()
    {
        (ExitCode, Stdout, Stderr) = await VigilProcess.RunAsync(["demo", "--keep", Directory]);
    }

    public Task DisposeAsync()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
