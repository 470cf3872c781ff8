using System.Diagnostics.CodeAnalysis;
using Vigil.Core;

namespace Vigil.Reporting.Filtering;

/// <summary>Parses <c>--pkg-types</c>: a comma-separated list of <c>os</c> and <c>library</c> (<c>lib</c> also accepted).</summary>
public static class PackageTypeSelection
{
    /// <summary>Both package types: the default.</summary>
    public static IReadOnlySet<PackageType> All { get; } = new HashSet<PackageType> { PackageType.Os, PackageType.Library };

    /// <summary>Parses the list, throwing <see cref="FormatException"/> with the reason.</summary>
    public static IReadOnlySet<PackageType> Parse(string text) =>
        TryParse(text, out var types, out var error) ? types : throw new FormatException(error);

    /// <summary>Parses the list without throwing.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IReadOnlySet<PackageType>? types, [NotNullWhen(false)] out string? error)
    {
        types = null;
        var items = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0)
        {
            error = "No package type given: use os, library or os,library.";
            return false;
        }

        var set = new HashSet<PackageType>();
        foreach (var item in items)
        {
            switch (item.ToUpperInvariant())
            {
                case "OS":
                    set.Add(PackageType.Os);
                    break;
                case "LIBRARY" or "LIB":
                    set.Add(PackageType.Library);
                    break;
                default:
                    error = $"'{item}' is not a package type: expected os or library.";
                    return false;
            }
        }

        types = set;
        error = null;
        return true;
    }

    /// <summary>The lower-case name used on the command line and in reports: <c>os</c> or <c>library</c>.</summary>
    public static string ToName(this PackageType type) => type == PackageType.Os ? "os" : "library";
}
