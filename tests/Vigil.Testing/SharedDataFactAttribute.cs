using Xunit;

namespace Vigil.Testing;

/// <summary>
/// A fact that needs the staged data in <c>../shared</c> (acceptance tests, comparisons with real OSV data). CI always has
/// it; a checkout without it skips these, because the project's own tests must pass without it.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>Skips the test when <c>../shared</c> is absent.</summary>
    public SharedDataFactAttribute()
    {
        if (RepositoryPaths.SharedDirectory is null)
        {
            Skip = "../shared is not beside this checkout; acceptance data unavailable.";
        }
    }
}
