using Vigil.Core;

namespace Vigil.Analyzers.RubyGems;

/// <summary>Builds RubyGems <see cref="Package"/>s: <c>pkg:gem/rake@13.0.6</c>.</summary>
internal static class RubyGemPackages
{
    public static Package Create(string name, string version, IReadOnlyList<string>? licenses = null) =>
        new(Ecosystem.RubyGems, name, version, PackageType.Library, PackageUrl.Create("gem", null, name, version)) { Licenses = licenses ?? [] };
}
