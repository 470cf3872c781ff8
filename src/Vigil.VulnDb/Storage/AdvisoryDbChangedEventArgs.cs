namespace Vigil.VulnDb.Storage;

/// <summary>The database content changed; cached match results made before are stale.</summary>
/// <param name="version">The new version.</param>
public sealed class AdvisoryDbChangedEventArgs(AdvisoryDbVersion version) : EventArgs
{
    /// <summary>The version after the change.</summary>
    public AdvisoryDbVersion Version { get; } = version;
}
