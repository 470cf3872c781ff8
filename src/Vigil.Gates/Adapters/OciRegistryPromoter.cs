using Vigil.Core;
using Vigil.Gates.Abstractions;
using Vigil.Oci.Registry;

namespace Vigil.Gates.Adapters;

/// <summary>Promotes and deletes through the OCI registry client: copy by blob mount, delete by digest.</summary>
public sealed class OciRegistryPromoter(RegistryClientFactory registries) : IRegistryPromoter
{
    /// <inheritdoc/>
    public async Task PromoteAsync(string registry, string sourceRepository, Digest digest, string targetRepository, string targetTag, CancellationToken cancellationToken)
    {
        var client = await registries.CreateAsync(registry, cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.CopyManifestAsync(sourceRepository, digest, targetRepository, targetTag, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(string registry, string repository, Digest digest, CancellationToken cancellationToken)
    {
        var client = await registries.CreateAsync(registry, cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.DeleteManifestAsync(repository, digest, cancellationToken).ConfigureAwait(false);
    }
}
