namespace Vigil.Analyzers.Apk;

/// <summary>One package of the apk installed database.</summary>
/// <param name="Name">The package name (<c>P:</c>).</param>
/// <param name="Version">The version (<c>V:</c>), e.g. <c>3.3.1-r0</c>.</param>
/// <param name="Architecture">The architecture (<c>A:</c>), or null.</param>
/// <param name="Origin">The origin (source) package (<c>o:</c>), or null.</param>
/// <param name="License">The licence expression (<c>L:</c>), or null.</param>
public sealed record ApkRecord(string Name, string Version, string? Architecture, string? Origin, string? License);
