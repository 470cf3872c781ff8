using Vigil.Core;
using Vigil.Reporting.Filtering.Vex;

namespace Vigil.Reporting.Filtering;

/// <summary>What <see cref="FindingFilter"/> removes from a report; the defaults keep everything.</summary>
public sealed record FindingFilterOptions
{
    /// <summary>The severities to keep (<c>--severity</c>).</summary>
    public SeveritySelection Severities { get; init; } = SeveritySelection.All;

    /// <summary>Drop findings that have no published fix (<c>--ignore-unfixed</c>).</summary>
    public bool IgnoreUnfixed { get; init; }

    /// <summary>The package types to keep (<c>--pkg-types</c>).</summary>
    public IReadOnlySet<PackageType> PackageTypes { get; init; } = PackageTypeSelection.All;

    /// <summary>Ignore-file entries (<c>--ignore-file</c>), from <see cref="IgnoreFile.Entries"/>.</summary>
    public IReadOnlyList<IgnoreEntry> IgnoreEntries { get; init; } = [];

    /// <summary>VEX statements (<c>--vex</c>), from <see cref="OpenVexDocument.Statements"/>.</summary>
    public IReadOnlyList<VexStatement> VexStatements { get; init; } = [];
}
