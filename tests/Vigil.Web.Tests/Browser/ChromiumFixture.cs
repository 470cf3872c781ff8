using Microsoft.Playwright;
using Vigil.Testing;

namespace Vigil.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright over the seeded dashboard. Never downloads a browser: the executable is the
/// system one, the profile a fresh temporary folder.
/// </summary>
public sealed class ChromiumFixture : SeededWebApp
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private string? _profile;

    public IBrowserContext Context { get; private set; } = null!;

    /// <summary>
    /// <c>artifacts/screenshots/web</c> at the repository root (git-ignored, kept across builds and cleans, one place
    /// for CI to collect), or <c>VIGIL_SCREENSHOT_DIR</c> when set.
    /// </summary>
    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("VIGIL_SCREENSHOT_DIR") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryPaths.RepositoryRoot, "artifacts", "screenshots", "web");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _profile = Path.Combine(Path.GetTempPath(), "vigil-chromium-" + Guid.NewGuid().ToString("N"));
        Context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            BaseURL = BaseAddress.ToString(),
            Offline = false,
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public override async Task DisposeAsync()
    {
        if (Context is not null)
        {
            await Context.CloseAsync();
        }

        _playwright?.Dispose();
        if (_profile is not null && Directory.Exists(_profile))
        {
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be flushing its profile; the temp folder is not worth a failure.
            }
        }

        await base.DisposeAsync();
    }
}
