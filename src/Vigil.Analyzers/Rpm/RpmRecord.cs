namespace Vigil.Analyzers.Rpm;

/// <summary>One installed rpm package read from a header blob.</summary>
/// <param name="Name">The package name.</param>
/// <param name="Epoch">The epoch, or null.</param>
/// <param name="Version">The version.</param>
/// <param name="Release">The release.</param>
/// <param name="Architecture">The architecture, or null.</param>
/// <param name="SourceRpm">The source rpm file name (<c>glibc-2.34-60.el9.src.rpm</c>), or null.</param>
/// <param name="License">The licence, or null.</param>
public sealed record RpmRecord(string Name, int? Epoch, string Version, string Release, string? Architecture, string? SourceRpm, string? License)
{
    /// <summary><c>[epoch:]version-release</c>, the form advisories compare.</summary>
    public string FullVersion => Epoch is > 0 ? $"{Epoch}:{Version}-{Release}" : $"{Version}-{Release}";
}
