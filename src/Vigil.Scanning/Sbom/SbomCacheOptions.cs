namespace Vigil.Scanning.Sbom;

/// <summary>Where the <see cref="SbomCache"/> keeps its files.</summary>
public sealed class SbomCacheOptions
{
    /// <summary>The cache directory, created on first write. Default: <c>$XDG_CACHE_HOME/vigil/sboms</c> or <c>~/.cache/vigil/sboms</c>.</summary>
    public string Directory { get; set; } = DefaultDirectory();

    private static string DefaultDirectory()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "vigil", "sboms");
    }
}
