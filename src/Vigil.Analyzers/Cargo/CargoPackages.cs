using Vigil.Core;

namespace Vigil.Analyzers.Cargo;

/// <summary>Builds crates.io <see cref="Package"/>s: <c>pkg:cargo/serde@1.0.197</c>.</summary>
internal static class CargoPackages
{
    public static Package Create(string name, string version) =>
        new(Ecosystem.CratesIo, name, version, PackageType.Library, PackageUrl.Create("cargo", null, name, version));
}
