namespace Vigil.Testing.FakeKube;

/// <summary>One kind of resource the fake API server serves, as discovery would describe it.</summary>
/// <param name="Group">The API group, empty for the core group.</param>
/// <param name="Version">The served version.</param>
/// <param name="Plural">The resource name in URLs (<c>pods</c>).</param>
/// <param name="Kind">The kind (<c>Pod</c>).</param>
/// <param name="Namespaced">Whether objects live in a namespace.</param>
/// <param name="HasStatus">Whether <c>status</c> is a subresource (then the main resource ignores status changes).</param>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced, bool HasStatus)
{
    /// <summary><c>v1</c> or <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The storage key: one store per group and resource, whichever version is asked for.</summary>
    internal string StorageKey => $"{Plural}.{Group}";
}
