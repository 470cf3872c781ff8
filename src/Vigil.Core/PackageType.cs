namespace Vigil.Core;

/// <summary>Whether a package was installed by the operating system's package manager or by a language tool.</summary>
public enum PackageType
{
    /// <summary>An operating-system package (dpkg, apk, rpm).</summary>
    Os = 0,

    /// <summary>A language or application package (npm, PyPI, Maven, NuGet, Go, Cargo, RubyGems, Composer).</summary>
    Library = 1,
}
