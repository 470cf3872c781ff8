namespace Vigil.VulnDb.Osv;

/// <summary>An OSV range: a type (<c>ECOSYSTEM</c>, <c>SEMVER</c>, <c>GIT</c>) and ordered events.</summary>
public sealed record OsvRange
{
    /// <summary>The range type.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>The repository, for GIT ranges.</summary>
    public string? Repo { get; init; }

    /// <summary>The events.</summary>
    public IReadOnlyList<OsvEvent>? Events { get; init; }
}
