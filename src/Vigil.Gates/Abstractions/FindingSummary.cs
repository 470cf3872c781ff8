using Vigil.Core;

namespace Vigil.Gates.Abstractions;

/// <summary>A finding reduced to what verdict records and notifications carry.</summary>
/// <param name="Id">The vulnerability id.</param>
/// <param name="Package">The package name.</param>
/// <param name="InstalledVersion">The installed version.</param>
/// <param name="FixedVersion">The fixed version, or null.</param>
/// <param name="Severity">The severity.</param>
public sealed record FindingSummary(string Id, string Package, string InstalledVersion, string? FixedVersion, Severity Severity)
{
    /// <summary>Summarizes <paramref name="finding"/>.</summary>
    public static FindingSummary From(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new FindingSummary(finding.Id, finding.Package.Name, finding.Package.Version, finding.FixedVersion, finding.Severity);
    }
}
