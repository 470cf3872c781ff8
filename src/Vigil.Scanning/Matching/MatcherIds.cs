namespace Vigil.Scanning.Matching;

/// <summary>The ids of the built-in matchers.</summary>
public static class MatcherIds
{
    /// <summary>Any ecosystem without a matcher of its own.</summary>
    public static MatcherId Generic { get; } = new("generic");

    /// <summary>Go modules and the standard library.</summary>
    public static MatcherId Go { get; } = new("go");

    /// <summary>Debian packages, matched by source package.</summary>
    public static MatcherId Debian { get; } = new("debian");

    /// <summary>Ubuntu packages, matched by source package.</summary>
    public static MatcherId Ubuntu { get; } = new("ubuntu");

    /// <summary>Alpine packages, matched by origin.</summary>
    public static MatcherId Alpine { get; } = new("alpine");
}
