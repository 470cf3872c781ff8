using System.Globalization;

namespace Vigil.Web.Dashboard;

/// <summary>Reads the search page's <c>page</c> parameter: a whole number from 1, bounded so offsets cannot overflow.</summary>
internal static class SearchPaging
{
    public const int MaxPage = 100_000;

    public const string PageError = "page must be a whole number from 1 to 100000.";

    /// <summary>Missing or empty means page 1; anything else must be a number in range.</summary>
    public static bool TryParsePage(string? value, out int page)
    {
        page = 1;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page is >= 1 and <= MaxPage;
    }
}
