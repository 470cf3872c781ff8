namespace Vigil.Analyzers.Dpkg;

/// <summary>One package paragraph of a dpkg status file.</summary>
/// <param name="Name">The binary package name.</param>
/// <param name="Version">The version, with epoch where there is one (<c>1:2.3-4</c>).</param>
/// <param name="Architecture">The architecture (<c>amd64</c>, <c>all</c>), or null.</param>
/// <param name="SourceName">The source package name (the <c>Source</c> field, or the binary name).</param>
/// <param name="SourceVersion">The source version (from <c>Source: foo (1.2-3)</c>, or the binary version).</param>
/// <param name="Status">The <c>Status</c> field, or null (distroless <c>status.d</c> files have none).</param>
public sealed record DpkgRecord(string Name, string Version, string? Architecture, string SourceName, string SourceVersion, string? Status)
{
    /// <summary>Whether the package is installed: no status (distroless) or a status whose state is <c>installed</c>.</summary>
    public bool IsInstalled => Status is null || Status.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [.., "installed"];
}
