using Vigil.Core;
using Vigil.Gates.Abstractions;
using Vigil.Oci.Registry;

namespace Vigil.Gates.Adapters;

/// <summary>Resolves a tag to its manifest digest with the OCI registry client.</summary>
public sealed class OciDigestResolver(RegistryClientFactory registries) : IDigestResolver
{
    /// <inheritdoc/>
    public async Task<Digest?> ResolveAsync(string repository, string tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null;
        }

        var client = await registries.CreateAsync(repository[..slash], cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            var manifest = await client.GetManifestAsync(repository[(slash + 1)..], tag, cancellationToken).ConfigureAwait(false);
            return manifest.Digest;
        }
        catch (RegistryException e) when (e.Kind == RegistryErrorKind.NotFound)
        {
            return null;
        }
    }
}
