using Vigil.Analyzers.Abstractions;

namespace Vigil.Analyzers;

/// <summary>
/// Lockfiles whose packages are installed beside them. In an image, <c>/app/node_modules/**/package.json</c> says what
/// is installed, while <c>/app/package-lock.json</c> only says what was asked for: it still lists a package a later
/// layer deleted. Where the installed packages are present, the lockfile is left out (as Trivy does for images).
/// </summary>
internal static class SupersededLockfiles
{
    public static HashSet<string> Find(IEnumerable<(string Path, string AnalyzerId)> surviving)
    {
        var list = surviving.ToList();
        var installedRoots = list
            .Where(r => r.AnalyzerId == AnalyzerIds.NpmPackage)
            .Select(r => r.Path.IndexOf("/node_modules/", StringComparison.Ordinal) is var i and >= 0 ? r.Path[..i] : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return list
            .Where(r => r.AnalyzerId == AnalyzerIds.NpmLock && installedRoots.Contains(r.Path[..r.Path.LastIndexOf('/')]))
            .Select(r => r.Path)
            .ToHashSet(StringComparer.Ordinal);
    }
}
