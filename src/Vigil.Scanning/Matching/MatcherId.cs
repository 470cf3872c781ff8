namespace Vigil.Scanning.Matching;

/// <summary>The id of a matcher, lower case (<c>debian</c>).</summary>
/// <param name="Value">The id.</param>
public readonly record struct MatcherId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
