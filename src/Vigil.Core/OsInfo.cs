namespace Vigil.Core;

/// <summary>The operating system of an image, as read from <c>/etc/os-release</c> or a distribution's release file.</summary>
/// <param name="Id">The os-release <c>ID</c> (<c>debian</c>, <c>ubuntu</c>, <c>alpine</c>, <c>rocky</c>…).</param>
/// <param name="VersionId">The os-release <c>VERSION_ID</c> (<c>12</c>, <c>22.04</c>, <c>3.20.1</c>), or null when unknown (e.g. Debian sid).</param>
/// <param name="Ecosystem">The OSV ecosystem its packages are matched in (<c>Debian:12</c>, <c>Alpine:v3.20</c>).</param>
public sealed record OsInfo(string Id, string? VersionId, Ecosystem Ecosystem)
{
    /// <summary>The os-release <c>PRETTY_NAME</c>, for people.</summary>
    public string? PrettyName { get; init; }

    /// <summary>The os-release <c>VERSION_CODENAME</c> (<c>bookworm</c>).</summary>
    public string? Codename { get; init; }
}
