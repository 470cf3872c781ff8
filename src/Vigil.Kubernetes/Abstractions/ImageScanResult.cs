using Vigil.Core;

namespace Vigil.Kubernetes.Abstractions;

/// <summary>What the engine found in one image.</summary>
/// <param name="Inventory">The packages (SBOM), kept so the image never has to be pulled again to re-match.</param>
/// <param name="Findings">The vulnerabilities, matched against <paramref name="DatabaseVersion"/>.</param>
/// <param name="DatabaseVersion">The vulnerability database version used for matching.</param>
public sealed record ImageScanResult(Inventory Inventory, IReadOnlyList<Finding> Findings, string DatabaseVersion);
