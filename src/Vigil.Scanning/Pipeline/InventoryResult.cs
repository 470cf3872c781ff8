using Vigil.Core;

namespace Vigil.Scanning.Pipeline;

/// <summary>An inventory and whether it came from the SBOM cache (no layer was read) or was just made.</summary>
public sealed record InventoryResult(Inventory Inventory, bool FromCache);
