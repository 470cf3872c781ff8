namespace Vigil.VulnDb.Versions;

/// <summary>A version syntax and ordering, selected per OSV ecosystem by <see cref="VersionSchemes.ForEcosystem"/>.</summary>
public enum VersionScheme
{
    /// <summary>Numeric-aware fallback for ecosystems without a known scheme (<see cref="Generic.GenericVersion"/>).</summary>
    Generic = 0,

    /// <summary>Debian/Ubuntu package versions (<see cref="Dpkg.DebianVersion"/>).</summary>
    Dpkg,

    /// <summary>RPM EVR versions (<see cref="Rpm.RpmVersion"/>).</summary>
    Rpm,

    /// <summary>Alpine apk-tools versions (<see cref="Apk.ApkVersion"/>).</summary>
    Apk,

    /// <summary>Semantic Versioning 2.0 (<see cref="SemVer.SemanticVersion"/>).</summary>
    SemVer,

    /// <summary>Python PEP 440 versions (<see cref="Pep440.Pep440Version"/>).</summary>
    Pep440,

    /// <summary>Maven ComparableVersion ordering (<see cref="Maven.MavenVersion"/>).</summary>
    Maven,

    /// <summary>NuGet.Versioning ordering (<see cref="NuGet.NuGetVersion"/>).</summary>
    NuGet,

    /// <summary>RubyGems Gem::Version ordering (<see cref="RubyGems.RubyGemsVersion"/>).</summary>
    RubyGems,

    /// <summary>Composer (Packagist) versions (<see cref="Packagist.PackagistVersion"/>).</summary>
    Packagist,
}
