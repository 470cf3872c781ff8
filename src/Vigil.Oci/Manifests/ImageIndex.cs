namespace Vigil.Oci.Manifests;

/// <summary>A multi-platform index (OCI image index or Docker manifest list).</summary>
/// <param name="MediaType">The index media type.</param>
/// <param name="Manifests">The entries, each with its platform.</param>
public sealed record ImageIndex(string MediaType, IReadOnlyList<Descriptor> Manifests);
