using Vigil.Kubernetes.Abstractions;
using Vigil.VulnDb.Storage;

namespace Vigil.Cli.Commands.Controller;

/// <summary><see cref="IDatabaseVersionSource"/> over the advisory store: its content fingerprint and update time.</summary>
public sealed class EngineDatabaseVersionSource(IAdvisoryStore store) : IDatabaseVersionSource
{
    /// <inheritdoc/>
    public async Task<DatabaseVersion?> GetCurrentAsync(CancellationToken cancellationToken)
    {
        var version = await store.GetVersionAsync(cancellationToken);
        return new DatabaseVersion(version.Fingerprint, version.UpdatedAt);
    }
}
