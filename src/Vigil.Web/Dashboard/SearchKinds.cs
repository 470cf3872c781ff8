using Vigil.Scanning.Results;

namespace Vigil.Web.Dashboard;

/// <summary>Reads the <c>kind</c> query parameter of searches.</summary>
internal static class SearchKinds
{
    /// <summary>null (guess) for empty or unknown values.</summary>
    public static SearchKind? Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "VULNERABILITY" or "ID" or "CVE" => SearchKind.Vulnerability,
        "PACKAGE" => SearchKind.Package,
        "IMAGE" => SearchKind.Image,
        _ => null,
    };
}
