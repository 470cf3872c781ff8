namespace Vigil.Testing.FakeKube;

/// <summary>One request the fake API server received, for tests that count calls.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The URL path.</param>
/// <param name="Query">The query string including <c>?</c>, or empty.</param>
/// <param name="IsWatch">Whether it asked for a watch stream.</param>
public sealed record FakeKubeRequest(string Method, string Path, string Query, bool IsWatch);
