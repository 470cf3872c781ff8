namespace Vigil.Core;

/// <summary>
/// One vulnerability affecting one installed package. Advisories that are aliases of each other (CVE, GHSA, DSA…) are
/// merged into one finding.
/// </summary>
/// <param name="Id">The preferred id shown first: the CVE where there is one, else the advisory's own id.</param>
/// <param name="Package">The affected package.</param>
/// <param name="Severity">The severity as decided by <see cref="SeveritySource"/>.</param>
public sealed record Finding(string Id, Package Package, Severity Severity)
{
    /// <summary>Every id of the merged advisories, <see cref="Id"/> first, no duplicates.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The ids of the advisory records this finding was built from (records in the database).</summary>
    public IReadOnlyList<string> AdvisoryIds { get; init; } = [];

    /// <summary>The installed version that matched (the source version for distro packages matched by source).</summary>
    public string InstalledVersion => Package.MatchVersion;

    /// <summary>The lowest fixed version above the installed one, or null when no fix is published.</summary>
    public string? FixedVersion { get; init; }

    /// <summary>Where <see cref="Severity"/> came from: <c>distribution</c>, <c>cvss</c>, <c>database</c> or <c>none</c>.</summary>
    public string SeveritySource { get; init; } = "none";

    /// <summary>The CVSS base score used, if any.</summary>
    public double? CvssScore { get; init; }

    /// <summary>The CVSS vector used, if any.</summary>
    public string? CvssVector { get; init; }

    /// <summary>One line for people.</summary>
    public string? Summary { get; init; }

    /// <summary>Links to advisories, fixes and reports.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>When the first of the merged advisories was published.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When any of the merged advisories was last modified.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>Whether a fix exists.</summary>
    public bool IsFixable => FixedVersion is not null;
}
