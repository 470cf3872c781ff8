using Vigil.Core;

namespace Vigil.Kubernetes.Abstractions;

/// <summary>Matches a cached inventory against the current vulnerability database, without touching any registry.</summary>
public interface IFindingRematcher
{
    /// <summary>The findings for <paramref name="inventory"/> under the database now current.</summary>
    Task<RematchResult> RematchAsync(Inventory inventory, CancellationToken cancellationToken);
}
