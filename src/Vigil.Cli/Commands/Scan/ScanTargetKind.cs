namespace Vigil.Cli.Commands.Scan;

/// <summary>What <c>vigil scan</c> was pointed at.</summary>
public enum ScanTargetKind
{
    /// <summary>A registry reference or an image archive / OCI layout.</summary>
    Image = 0,

    /// <summary>A plain root file-system directory.</summary>
    RootFileSystem = 1,

    /// <summary>A CycloneDX or SPDX SBOM file made by any tool.</summary>
    Sbom = 2,
}
