using Vigil.Core;

namespace Vigil.Gates.Policy;

/// <summary>A finding that blocks, with the rule it breaks.</summary>
/// <param name="Finding">The finding (id, package, installed and fixed version).</param>
/// <param name="Rule">Which rule it breaks, for people (<c>HIGH is above maxSeverity MEDIUM</c>).</param>
public sealed record BlockingFinding(Finding Finding, string Rule)
{
    /// <summary>One line: <c>CVE-2024-1 in openssl 3.0.1 (HIGH, fixed in 3.0.2)</c>.</summary>
    public string Describe() =>
        $"{Finding.Id} in {Finding.Package.Name} {Finding.Package.Version} ({Finding.Severity.ToLabel()}, {(Finding.FixedVersion is { } fix ? "fixed in " + fix : "no fix yet")})";
}
