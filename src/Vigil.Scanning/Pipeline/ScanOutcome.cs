using Vigil.Core;
using Vigil.VulnDb.Storage;

namespace Vigil.Scanning.Pipeline;

/// <summary>What one scan found, before any user filter: the inventory, every finding and what went wrong on the way.</summary>
/// <param name="Inventory">The packages scanned.</param>
/// <param name="Findings">Every finding, aliases merged.</param>
/// <param name="Warnings">Files or records that could not be read, matcher failures.</param>
/// <param name="Database">The vulnerability database version matched against.</param>
/// <param name="FromCache">Whether the inventory came from the SBOM cache (no layer was read).</param>
public sealed record ScanOutcome(
    Inventory Inventory,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ScanWarning> Warnings,
    AdvisoryDbVersion Database,
    bool FromCache);
