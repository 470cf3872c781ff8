namespace Vigil.Analyzers.GoBinary;

/// <summary>The build information embedded in a Go binary.</summary>
/// <param name="GoVersion">The toolchain version as written (<c>go1.22.1</c>).</param>
/// <param name="MainPath">The main package path, or null.</param>
/// <param name="Main">The main module (path, version), or null.</param>
/// <param name="Dependencies">Dependencies as (path, version), replacements already applied.</param>
public sealed record GoBuildInfo(string GoVersion, string? MainPath, (string Path, string Version)? Main, IReadOnlyList<(string Path, string Version)> Dependencies);
