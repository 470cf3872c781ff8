using System.Collections.Concurrent;

namespace Vigil.Oci.Registry;

/// <summary>Bearer tokens of one registry by scope set, until shortly before they expire.</summary>
internal sealed class TokenCache(TimeProvider timeProvider)
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> tokens = new(StringComparer.Ordinal);

    public static string Key(IReadOnlyCollection<string> scopes) => string.Join(' ', scopes.Order(StringComparer.Ordinal));

    public string? Get(string key) =>
        tokens.TryGetValue(key, out var entry) && entry.Expires > timeProvider.GetUtcNow() ? entry.Token : null;

    public void Set(string key, string token, TimeSpan lifetime)
    {
        var usable = lifetime > Margin * 2 ? lifetime - Margin : lifetime;
        tokens[key] = (token, timeProvider.GetUtcNow() + usable);
    }
}
