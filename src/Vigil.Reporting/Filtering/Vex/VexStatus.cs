namespace Vigil.Reporting.Filtering.Vex;

/// <summary>The status of a VEX statement, as OpenVEX names them.</summary>
public enum VexStatus
{
    /// <summary><c>not_affected</c>: the product is not affected; suppresses the finding.</summary>
    NotAffected = 0,

    /// <summary><c>affected</c>: the product is affected; the finding stays.</summary>
    Affected = 1,

    /// <summary><c>fixed</c>: the product contains a fix; suppresses the finding.</summary>
    Fixed = 2,

    /// <summary><c>under_investigation</c>: not yet known; the finding stays.</summary>
    UnderInvestigation = 3,
}
