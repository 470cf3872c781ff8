using Vigil.Core;

namespace Vigil.Scanning.Matching.Shared;

/// <summary>Decides whether an advisory's ecosystem release applies to a package's release.</summary>
/// <param name="advisory">The advisory entry's ecosystem (<c>Debian:12</c>).</param>
/// <param name="package">The package's ecosystem.</param>
public delegate bool ReleaseRule(Ecosystem advisory, Ecosystem package);

/// <summary>The common release rules.</summary>
public static class ReleaseRules
{
    /// <summary>An entry without a release applies to every release; otherwise the releases must be equal.</summary>
    public static ReleaseRule Exact { get; } = (advisory, package) => advisory.Release is null || advisory.Release == package.Release;

    /// <summary>
    /// For language packages, whose ecosystems have no releases: the advisory's suffix names a repository
    /// (<c>Packagist:https://packages.drupal.org/8</c>) and applies to the package wherever it came from.
    /// </summary>
    public static ReleaseRule Any { get; } = (_, _) => true;

    /// <summary>Compares releases after <paramref name="normalize"/> (e.g. dropping Ubuntu's <c>:LTS</c> or Alpine's <c>v</c>).</summary>
    public static ReleaseRule Normalized(Func<string, string> normalize) =>
        (advisory, package) => advisory.Release is null || (package.Release is not null && normalize(advisory.Release) == normalize(package.Release));
}
