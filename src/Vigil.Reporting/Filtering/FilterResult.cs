using Vigil.Core;

namespace Vigil.Reporting.Filtering;

/// <summary>What <see cref="FindingFilter.Apply"/> kept and suppressed.</summary>
/// <param name="Kept">The findings that remain.</param>
/// <param name="Suppressed">The findings removed, each with its reason.</param>
/// <param name="ExpiredIgnoreEntries">Ignore entries past their expiry date; they suppressed nothing.</param>
public sealed record FilterResult(
    IReadOnlyList<Finding> Kept,
    IReadOnlyList<SuppressedFinding> Suppressed,
    IReadOnlyList<IgnoreEntry> ExpiredIgnoreEntries)
{
    /// <summary>Warnings about the filters themselves (one per expired ignore entry).</summary>
    public IReadOnlyList<ScanWarning> Warnings { get; init; } = [];

    /// <summary>A result that keeps every finding, for scans run without filters.</summary>
    public static FilterResult KeepAll(IEnumerable<Finding> findings) => new([.. findings], [], []);
}
