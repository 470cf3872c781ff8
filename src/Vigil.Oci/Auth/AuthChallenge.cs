using System.Net.Http.Headers;

namespace Vigil.Oci.Auth;

/// <summary>A parsed <c>WWW-Authenticate</c> challenge: scheme (Bearer, Basic) and parameters (realm, service, scope).</summary>
/// <param name="Scheme">The scheme, e.g. <c>Bearer</c>.</param>
/// <param name="Parameters">The parameters, keys lower case.</param>
internal sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public string? Realm => Parameters.GetValueOrDefault("realm");

    public string? Service => Parameters.GetValueOrDefault("service");

    public string? Scope => Parameters.GetValueOrDefault("scope");

    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first Bearer or Basic challenge of a response, or null.</summary>
    public static AuthChallenge? From(HttpResponseHeaders headers)
    {
        var challenges = headers.WwwAuthenticate.Select(h => Parse(h.Scheme, h.Parameter)).ToList();
        return challenges.FirstOrDefault(c => c.IsBearer) ?? challenges.FirstOrDefault(c => c.IsBasic);
    }

    /// <summary>Parses <c>realm="https://auth",service="registry",scope="repository:a/b:pull,push"</c>.</summary>
    public static AuthChallenge Parse(string scheme, string? parameter)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = parameter ?? string.Empty;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            var eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            var key = text[i..eq].Trim();
            i = eq + 1;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                // Quoted values may hold commas (scopes with "pull,push") and backslash escapes.
                var builder = new System.Text.StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    builder.Append(text[i++]);
                }

                i++;
                value = builder.ToString();
            }
            else
            {
                var end = text.IndexOf(',', i);
                end = end < 0 ? text.Length : end;
                value = text[i..end].Trim();
                i = end;
            }

            values[key] = value;
        }

        return new AuthChallenge(scheme, values);
    }
}
