namespace Vigil.Kubernetes.Abstractions;

/// <summary>Tells which vulnerability database version is current; polled by the controller to trigger re-matching.</summary>
public interface IDatabaseVersionSource
{
    /// <summary>The current version, or null while no database is available yet.</summary>
    Task<DatabaseVersion?> GetCurrentAsync(CancellationToken cancellationToken);
}
