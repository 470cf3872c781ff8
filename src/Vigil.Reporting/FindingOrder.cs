using Vigil.Core;

namespace Vigil.Reporting;

/// <summary>The order findings appear in every report: worst severity first, then package, then id; stable across runs.</summary>
public static class FindingOrder
{
    /// <summary>Compares findings in report order.</summary>
    public static IComparer<Finding> Comparer { get; } = Comparer<Finding>.Create(Compare);

    /// <summary>Returns the findings sorted in report order.</summary>
    public static IReadOnlyList<Finding> Sort(IEnumerable<Finding> findings) => [.. findings.Order(Comparer)];

    private static int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var result = y.Severity.CompareTo(x.Severity);
        result = result != 0 ? result : x.Package.Type.CompareTo(y.Package.Type);
        result = result != 0 ? result : string.CompareOrdinal(x.Package.Name, y.Package.Name);
        result = result != 0 ? result : string.CompareOrdinal(x.Id, y.Id);
        result = result != 0 ? result : string.CompareOrdinal(x.Package.Version, y.Package.Version);
        return result != 0 ? result : string.CompareOrdinal(x.Package.FilePath, y.Package.FilePath);
    }
}
