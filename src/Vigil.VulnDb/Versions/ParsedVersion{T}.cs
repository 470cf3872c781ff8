namespace Vigil.VulnDb.Versions;

/// <summary>The <see cref="ParsedVersion"/> handle of one scheme struct; comparison calls the struct directly.</summary>
internal sealed class ParsedVersion<T> : ParsedVersion
    where T : struct, IVersion<T>
{
    public ParsedVersion(T version) => Version = version;

    public T Version { get; }

    public override VersionScheme Scheme => T.Scheme;

    public override object Value => Version;

    public override int CompareTo(ParsedVersion? other) => other switch
    {
        null => 1,
        ParsedVersion<T> same => Version.CompareTo(same.Version),
        _ => throw new ArgumentException($"Cannot compare a {T.Scheme} version with a {other.Scheme} version.", nameof(other)),
    };

    public override int GetHashCode() => Version.GetHashCode();

    public override string ToString() => Version.ToString() ?? string.Empty;
}
