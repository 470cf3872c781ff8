namespace Vigil.Kubernetes.Abstractions;

/// <summary>Identifies the vulnerability data in use.</summary>
/// <param name="Version">An opaque version that changes whenever the data changes (a build id or content hash).</param>
/// <param name="BuiltAt">When the data was built or last updated, for the database-age metric; null when unknown.</param>
public sealed record DatabaseVersion(string Version, DateTimeOffset? BuiltAt);
