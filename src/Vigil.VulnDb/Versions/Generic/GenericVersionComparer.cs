namespace Vigil.VulnDb.Versions.Generic;

/// <summary>The fallback <see cref="IVersionComparer"/> for ecosystems without a known version scheme.</summary>
public sealed class GenericVersionComparer : VersionComparer<GenericVersion>
{
    private GenericVersionComparer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static GenericVersionComparer Instance { get; } = new();
}
