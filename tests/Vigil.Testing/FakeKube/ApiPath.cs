namespace Vigil.Testing.FakeKube;

/// <summary>
/// A parsed API path: <c>/api/v1[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]</c> or the same under
/// <c>/apis/{group}/{version}</c>.
/// </summary>
internal sealed record ApiPath(string Group, string Version, string? Namespace, string Plural, string? Name, string? Subresource)
{
    public static ApiPath? Parse(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        string group;
        string version;
        int rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], 3);
        }
        else
        {
            return null;
        }

        var tail = segments[rest..];

        // namespaces/{ns}/{plural}/... is a namespaced path; namespaces/{name}[/status] is the Namespace object itself.
        if (tail.Length >= 3 && tail[0] == "namespaces" && tail[2] is not ("status" or "finalize"))
        {
            return tail.Length switch
            {
                3 => new ApiPath(group, version, tail[1], tail[2], null, null),
                4 => new ApiPath(group, version, tail[1], tail[2], tail[3], null),
                5 => new ApiPath(group, version, tail[1], tail[2], tail[3], tail[4]),
                _ => null,
            };
        }

        return tail.Length switch
        {
            1 => new ApiPath(group, version, null, tail[0], null, null),
            2 => new ApiPath(group, version, null, tail[0], tail[1], null),
            3 => new ApiPath(group, version, null, tail[0], tail[1], tail[2]),
            _ => null,
        };
    }
}
