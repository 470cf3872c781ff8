using System.Diagnostics;

namespace Vigil.Analyzers.Tests.Integration;

/// <summary>The cached Debian 12 minbase root file system (made by <c>testdata/make-debian-rootfs.sh</c>).</summary>
public static class DebianRootFs
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static string CacheHome => Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
        ? xdg
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");

    public static string Directory => Path.Combine(CacheHome, "vigil-analyzers", "bookworm-minbase");

    public static string FixtureTarball => Path.Combine(CacheHome, "vigil-fixtures", "cache", "bookworm-minbase-rootfs.tar");

    public static async Task<string> EnsureAsync()
    {
        await Gate.WaitAsync();
        try
        {
            var script = Path.Combine(AppContext.BaseDirectory, "Integration", "testdata", "make-debian-rootfs.sh");
            var start = new ProcessStartInfo("bash", [script, Directory]) { RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"make-debian-rootfs.sh failed: {errors}");
            return Directory;
        }
        finally
        {
            Gate.Release();
        }
    }
}
