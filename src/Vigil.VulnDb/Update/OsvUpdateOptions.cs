namespace Vigil.VulnDb.Update;

/// <summary>Where and what <see cref="OsvUpdater"/> downloads.</summary>
public sealed class OsvUpdateOptions
{
    /// <summary>The public OSV bucket.</summary>
    public const string DefaultBaseAddress = "https://osv-vulnerabilities.storage.googleapis.com";

    /// <summary>
    /// The mirror root holding <c>{ecosystem}/all.zip</c> and optionally <c>{ecosystem}/modified_id.csv</c> and
    /// <c>{ecosystem}/{id}.json</c>: an <c>https://</c> URL or a <c>file://</c> directory for air-gapped sites.
    /// </summary>
    public string BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The OSV ecosystems to fetch (<c>Debian</c>, <c>PyPI</c>…); the most common ones by default.</summary>
    public IList<string> Ecosystems { get; } =
    [
        "Alpine", "Debian", "Ubuntu", "Red Hat", "Rocky Linux", "AlmaLinux", "Wolfi", "Chainguard",
        "npm", "PyPI", "Maven", "NuGet", "Go", "crates.io", "RubyGems", "Packagist",
    ];

    /// <summary>Above this many changed records an incremental update downloads the whole archive instead.</summary>
    public int MaxIncrementalRecords { get; set; } = 2000;
}
