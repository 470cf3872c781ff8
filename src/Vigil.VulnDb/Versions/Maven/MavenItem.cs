namespace Vigil.VulnDb.Versions.Maven;

/// <summary>One item of a parsed Maven version: a number, a qualifier or a nested list (after a hyphen).</summary>
internal abstract class MavenItem
{
    /// <summary>Whether the item equals "nothing" (0, the release qualifier, an empty list) and so is trimmed.</summary>
    public abstract bool IsNull { get; }

    /// <summary>Compares with another item, or with the padding of a shorter list when <paramref name="other"/> is null.</summary>
    public abstract int CompareTo(MavenItem? other);

    /// <summary>Adds the item to a hash consistent with <see cref="CompareTo"/>.</summary>
    public abstract void AddTo(ref HashCode hash);
}
