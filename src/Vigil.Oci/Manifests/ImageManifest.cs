namespace Vigil.Oci.Manifests;

/// <summary>A single-platform image manifest (OCI or Docker schema 2): the config and the layers, base first.</summary>
/// <param name="MediaType">The manifest media type.</param>
/// <param name="Config">The config blob.</param>
/// <param name="Layers">The layer blobs, base first.</param>
public sealed record ImageManifest(string MediaType, Descriptor Config, IReadOnlyList<Descriptor> Layers);
