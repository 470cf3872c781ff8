using Vigil.Core;

namespace Vigil.Scanning.Results;

/// <summary>A <see cref="Finding"/> as stored for one image digest: flat, without the inventory details.</summary>
/// <param name="Id">The preferred id (the CVE where there is one).</param>
/// <param name="Severity">The decided severity.</param>
/// <param name="PackageName">The affected package name.</param>
/// <param name="PackageVersion">The installed version that matched.</param>
public sealed record StoredFinding(string Id, Severity Severity, string PackageName, string PackageVersion)
{
    /// <summary>Every id of the merged advisories, <see cref="Id"/> first.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>OS or library package.</summary>
    public PackageType PackageType { get; init; }

    /// <summary>The OSV ecosystem (<c>Debian:12</c>, <c>npm</c>).</summary>
    public string Ecosystem { get; init; } = string.Empty;

    /// <summary>The package URL.</summary>
    public string Purl { get; init; } = string.Empty;

    /// <summary>The lowest fixed version, or null when no fix is published.</summary>
    public string? FixedVersion { get; init; }

    /// <summary>The CVSS base score, if any.</summary>
    public double? CvssScore { get; init; }

    /// <summary>The CVSS vector, if any.</summary>
    public string? CvssVector { get; init; }

    /// <summary>One line for people.</summary>
    public string? Summary { get; init; }

    /// <summary>Links to advisories, fixes and reports.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>When the advisory was first published.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Whether a fix exists.</summary>
    public bool IsFixable => FixedVersion is not null;

    /// <summary>Flattens a finding produced by the matcher.</summary>
    public static StoredFinding From(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new StoredFinding(finding.Id, finding.Severity, finding.Package.Name, finding.InstalledVersion)
        {
            Aliases = finding.Aliases.Count == 0 ? [finding.Id] : finding.Aliases,
            PackageType = finding.Package.Type,
            Ecosystem = finding.Package.Ecosystem.ToString(),
            Purl = finding.Package.Purl,
            FixedVersion = finding.FixedVersion,
            CvssScore = finding.CvssScore,
            CvssVector = finding.CvssVector,
            Summary = finding.Summary,
            References = finding.References,
            Published = finding.Published,
        };
    }

    /// <summary>
    /// The finding again, as consumers of the store (the controller's reports, the admission cache) need it. The package
    /// keeps what the store holds: its matched name and version, type, ecosystem and purl.
    /// </summary>
    public Finding ToFinding()
    {
        var ecosystem = string.IsNullOrWhiteSpace(Ecosystem) ? new Core.Ecosystem("unknown") : Core.Ecosystem.Parse(Ecosystem);
        var package = new Package(ecosystem, PackageName, PackageVersion, PackageType, Purl);
        return new Finding(Id, package, Severity)
        {
            Aliases = Aliases,
            FixedVersion = FixedVersion,
            CvssScore = CvssScore,
            CvssVector = CvssVector,
            Summary = Summary,
            References = References,
            Published = Published,
        };
    }
}
