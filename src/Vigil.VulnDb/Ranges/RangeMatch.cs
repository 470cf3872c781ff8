namespace Vigil.VulnDb.Ranges;

/// <summary>The verdict for one installed version against one OSV <c>affected</c> entry.</summary>
/// <param name="IsAffected">Whether the version is affected.</param>
/// <param name="FixedVersion">The lowest fixed version above the installed one, or null when no fix is published.</param>
public readonly record struct RangeMatch(bool IsAffected, string? FixedVersion)
{
    /// <summary>Not affected.</summary>
    public static RangeMatch NotAffected => default;
}
