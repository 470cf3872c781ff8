using Vigil.Analyzers.Abstractions;
using Vigil.Analyzers.Apk;
using Vigil.Analyzers.Cargo;
using Vigil.Analyzers.Composer;
using Vigil.Analyzers.Dpkg;
using Vigil.Analyzers.GoBinary;
using Vigil.Analyzers.Maven;
using Vigil.Analyzers.Npm;
using Vigil.Analyzers.NuGet;
using Vigil.Analyzers.OsRelease;
using Vigil.Analyzers.PyPi;
using Vigil.Analyzers.Rpm;
using Vigil.Analyzers.RubyGems;

namespace Vigil.Analyzers;

/// <summary>The one list of every analyzer Vigil runs. A new ecosystem adds one line here.</summary>
public static class AnalyzerCatalog
{
    /// <summary>A new instance of every analyzer, in a fixed order.</summary>
    public static IReadOnlyList<IPackageAnalyzer> CreateAll() => EnsureUnique(
    [
        new OsReleaseAnalyzer(),
        new DpkgStatusAnalyzer(),
        new ApkInstalledAnalyzer(),
        new RpmDatabaseAnalyzer(),
        new NpmPackageAnalyzer(),
        new PackageLockAnalyzer(),
        new PythonPackageAnalyzer(),
        new JarAnalyzer(),
        new DepsJsonAnalyzer(),
        new PackagesLockAnalyzer(),
        new GoBinaryAnalyzer(),
        new RustBinaryAnalyzer(),
        new CargoLockAnalyzer(),
        new GemspecAnalyzer(),
        new GemfileLockAnalyzer(),
        new ComposerInstalledAnalyzer(),
    ]);

    /// <summary>Returns the analyzers as a list, throwing when two share an id (ids key the cache and reports).</summary>
    /// <exception cref="InvalidOperationException">Two analyzers have the same id.</exception>
    public static IReadOnlyList<IPackageAnalyzer> EnsureUnique(IEnumerable<IPackageAnalyzer> analyzers)
    {
        ArgumentNullException.ThrowIfNull(analyzers);
        var list = analyzers.ToList();
        var duplicate = list.GroupBy(a => a.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two package analyzers have the id '{duplicate.Key}': {string.Join(", ", duplicate.Select(a => a.GetType().Name))}.");
        }

        return list;
    }
}
