namespace Vigil.VulnDb.Versions.RubyGems;

/// <summary>One segment of a gem version: a number (digits without leading zeros) or a run of letters.</summary>
internal readonly record struct RubyGemsSegment(string Text, bool IsNumber)
{
    /// <summary>The zero that pads the shorter version in comparisons.</summary>
    public static RubyGemsSegment Zero { get; } = new(string.Empty, true);

    public bool IsZero => IsNumber && Text.Length == 0;
}
