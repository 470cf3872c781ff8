using Vigil.Core;

namespace Vigil.VulnDb.Ratings;

/// <summary>The severity decided for one record and package, and where it came from.</summary>
/// <param name="Severity">The rating.</param>
/// <param name="Source"><c>distribution</c>, <c>cvss</c>, <c>database</c> or <c>none</c> (as <see cref="Finding.SeveritySource"/>).</param>
public sealed record SeverityAssessment(Severity Severity, string Source)
{
    /// <summary>The CVSS base score, when one was computed (also when the rating came from elsewhere).</summary>
    public double? CvssScore { get; init; }

    /// <summary>The CVSS vector the score came from.</summary>
    public string? CvssVector { get; init; }

    /// <summary>No rating at all.</summary>
    public static SeverityAssessment None { get; } = new(Severity.Unknown, "none");
}
