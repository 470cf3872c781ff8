namespace Vigil.Core;

/// <summary>An image platform such as <c>linux/amd64</c> or <c>linux/arm64/v8</c>.</summary>
/// <param name="Os">Operating system, e.g. <c>linux</c>.</param>
/// <param name="Architecture">CPU architecture in Go's naming, e.g. <c>amd64</c>.</param>
/// <param name="Variant">Optional variant, e.g. <c>v8</c>.</param>
public sealed record Platform(string Os, string Architecture, string? Variant = null)
{
    /// <summary>The default platform, <c>linux/amd64</c>.</summary>
    public static Platform Default { get; } = new("linux", "amd64");

    /// <summary>Parses <c>os/arch[/variant]</c>.</summary>
    public static Platform Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var parts = value.Split('/');
        return parts.Length switch
        {
            2 when parts.All(p => p.Length > 0) => new Platform(parts[0], parts[1]),
            3 when parts.All(p => p.Length > 0) => new Platform(parts[0], parts[1], parts[2]),
            _ => throw new FormatException($"'{value}' is not a platform: expected os/arch[/variant], e.g. linux/amd64."),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
