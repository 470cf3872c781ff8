using Vigil.Core;
using Vigil.Kubernetes.Abstractions;
using Vigil.Scanning.Pipeline;

namespace Vigil.Cli.Commands.Controller;

/// <summary><see cref="IFindingRematcher"/> over the real matcher: no registry access.</summary>
public sealed class EngineRematcher(ScanService scans) : IFindingRematcher
{
    /// <inheritdoc/>
    public async Task<RematchResult> RematchAsync(Inventory inventory, CancellationToken cancellationToken)
    {
        var outcome = await scans.ScanInventoryAsync(inventory, cancellationToken);
        return new RematchResult(outcome.Findings, outcome.Database.Fingerprint);
    }
}
