namespace Vigil.Analyzers.Abstractions;

/// <summary>The ids of every analyzer; stable, because they appear in configuration, reports and cache keys.</summary>
public static class AnalyzerIds
{
    /// <summary>Operating-system release files (<c>/etc/os-release</c> and distribution-specific files).</summary>
    public const string OsRelease = "os-release";

    /// <summary>The dpkg status database (Debian, Ubuntu, distroless).</summary>
    public const string Dpkg = "dpkg";

    /// <summary>The apk installed database (Alpine, Wolfi, Chainguard).</summary>
    public const string Apk = "apk";

    /// <summary>The rpm database (SQLite, Berkeley DB, NDB).</summary>
    public const string Rpm = "rpm";

    /// <summary>Installed npm packages (<c>node_modules/**/package.json</c>).</summary>
    public const string NpmPackage = "npm-package";

    /// <summary>npm lockfiles (<c>package-lock.json</c> v1–v3).</summary>
    public const string NpmLock = "npm-lock";

    /// <summary>Installed Python distributions (<c>*.dist-info/METADATA</c>, <c>*.egg-info</c>).</summary>
    public const string PythonPackage = "python-package";

    /// <summary>Java archives (<c>.jar</c>, <c>.war</c>, <c>.ear</c>, nested).</summary>
    public const string Jar = "jar";

    /// <summary>.NET dependency manifests (<c>*.deps.json</c>).</summary>
    public const string DotNetDeps = "dotnet-deps";

    /// <summary>NuGet lockfiles (<c>packages.lock.json</c>).</summary>
    public const string NuGetLock = "nuget-lock";

    /// <summary>Go binaries (build information).</summary>
    public const string GoBinary = "gobinary";

    /// <summary>Rust binaries built with cargo-auditable.</summary>
    public const string RustBinary = "rustbinary";

    /// <summary>Cargo lockfiles.</summary>
    public const string CargoLock = "cargo-lock";

    /// <summary>Installed gem specifications.</summary>
    public const string Gemspec = "gemspec";

    /// <summary>Bundler lockfiles (<c>Gemfile.lock</c>).</summary>
    public const string GemfileLock = "gemfile-lock";

    /// <summary>Composer's installed packages (<c>vendor/composer/installed.json</c>).</summary>
    public const string Composer = "composer";
}
