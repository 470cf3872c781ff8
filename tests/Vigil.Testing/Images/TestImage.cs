using Vigil.Testing.Registry;

namespace Vigil.Testing.Images;

/// <summary>An image (or index) in an OCI layout made by <see cref="TestImageBuilder"/>, which can be pushed or archived with skopeo.</summary>
/// <param name="LayoutDirectory">The OCI layout directory.</param>
/// <param name="Tag">Its tag in the layout.</param>
/// <param name="ManifestDigest">The manifest (or index) digest, <c>sha256:…</c>.</param>
/// <param name="ConfigDigest">The config digest, or null for an index.</param>
/// <param name="LayerDigests">The layer blob digests, base first (empty for an index).</param>
public sealed record TestImage(string LayoutDirectory, string Tag, string ManifestDigest, string? ConfigDigest, IReadOnlyList<string> LayerDigests)
{
    /// <summary>The input naming it for Vigil (<c>DIR:TAG</c>).</summary>
    public string LayoutReference => $"{LayoutDirectory}:{Tag}";

    /// <summary>
    /// Pushes it to <paramref name="registry"/> as <paramref name="repositoryAndTag"/> (<c>team/app:1</c>) with skopeo,
    /// with the registry's htpasswd credentials when it has them; an index is pushed with all its platforms. Returns the
    /// reference (<c>127.0.0.1:port/team/app:1</c>). <paramref name="dockerFormat"/> converts to Docker v2 schema 2 media types.
    /// </summary>
    public async Task<string> PushAsync(RegistryServer registry, string repositoryAndTag, bool dockerFormat = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var reference = $"{registry.Address}/{repositoryAndTag}";
        var arguments = new List<string> { "copy", "-q", "--all", "--dest-tls-verify=false" };
        if (registry.Options.Htpasswd is { } user)
        {
            arguments.AddRange(["--dest-creds", $"{user.Username}:{user.Password}"]);
        }

        if (dockerFormat)
        {
            arguments.AddRange(["--format", "v2s2"]);
        }

        arguments.AddRange([$"oci:{LayoutReference}", $"docker://{reference}"]);
        await ToolRunner.RunAsync("skopeo", arguments, cancellationToken: cancellationToken);
        return reference;
    }

    /// <summary>Writes an oci-archive tar (skopeo <c>oci-archive:</c>).</summary>
    public Task WriteOciArchiveAsync(string path, CancellationToken cancellationToken = default) =>
        ToolRunner.RunAsync("skopeo", ["copy", "-q", $"oci:{LayoutReference}", $"oci-archive:{path}:{Tag}"], cancellationToken: cancellationToken);

    /// <summary>Writes a docker-archive tar (as <c>docker save</c>), tagged <paramref name="repositoryAndTag"/>.</summary>
    public Task WriteDockerArchiveAsync(string path, string repositoryAndTag = "test/image:latest", CancellationToken cancellationToken = default) =>
        ToolRunner.RunAsync("skopeo", ["copy", "-q", $"oci:{LayoutReference}", $"docker-archive:{path}:{repositoryAndTag}"], cancellationToken: cancellationToken);
}
