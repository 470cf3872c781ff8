using Vigil.Core;

namespace Vigil.Analyzers.NuGet;

/// <summary>Builds NuGet <see cref="Package"/>s: <c>pkg:nuget/Newtonsoft.Json@12.0.1</c>.</summary>
internal static class NuGetPackages
{
    public static Package Create(string name, string version) =>
        new(Ecosystem.NuGet, name, version, PackageType.Library, PackageUrl.Create("nuget", null, name, version));
}
