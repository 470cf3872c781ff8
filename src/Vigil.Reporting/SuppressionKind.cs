namespace Vigil.Reporting;

/// <summary>Why a finding was left out of a report's findings.</summary>
public enum SuppressionKind
{
    /// <summary>An entry of an ignore file (<c>.vigilignore</c>) matched it.</summary>
    IgnoreFile = 0,

    /// <summary>A VEX statement says the product is <c>not_affected</c> or <c>fixed</c>.</summary>
    Vex = 1,

    /// <summary>Its package type is not selected (<c>--pkg-types</c>).</summary>
    PackageType = 2,

    /// <summary>Its severity is not selected (<c>--severity</c>).</summary>
    Severity = 3,

    /// <summary>No fix is published and unfixed findings are ignored (<c>--ignore-unfixed</c>).</summary>
    Unfixed = 4,
}
