using Vigil.Core;

namespace Vigil.Analyzers;

/// <summary>The deterministic order of packages in an inventory: OS packages first, then by ecosystem, name, version, file.</summary>
public static class PackageOrder
{
    /// <summary>Sorts packages ordinally so the same image always gives byte-identical SBOMs.</summary>
    public static IReadOnlyList<Package> Sort(IEnumerable<Package> packages) =>
        packages
            .OrderBy(p => p.Type)
            .ThenBy(p => p.Ecosystem.ToString(), StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Version, StringComparer.Ordinal)
            .ThenBy(p => p.FilePath, StringComparer.Ordinal)
            .ThenBy(p => p.Purl, StringComparer.Ordinal)
            .ToList();
}
