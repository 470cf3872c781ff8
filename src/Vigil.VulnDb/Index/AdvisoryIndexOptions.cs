namespace Vigil.VulnDb.Index;

/// <summary>Options of <see cref="AdvisoryIndex"/>.</summary>
public sealed class AdvisoryIndexOptions
{
    /// <summary>How long a database version check is trusted before <see cref="IAdvisoryIndex.RefreshAsync"/> asks the store again (default 5 s).</summary>
    public TimeSpan VersionCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
