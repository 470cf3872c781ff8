using System.Text.Json;

namespace Vigil.Analyzers.NuGet;

/// <summary>Reads the packages a NuGet lockfile (<c>packages.lock.json</c>) pins, over every target framework.</summary>
public static class PackagesLockParser
{
    /// <summary>Every Direct, Transitive or CentralTransitive dependency with a resolved version; project references are left out.</summary>
    /// <exception cref="InvalidDataException">The file is not a JSON object.</exception>
    public static async Task<IReadOnlyList<(string Name, string Version)>> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var document = await JsonParsing.ParseObjectAsync(stream, "packages.lock.json", cancellationToken);
        var result = new List<(string, string)>();
        if (document.RootElement.TryGetProperty("dependencies", out var frameworks) && frameworks.ValueKind == JsonValueKind.Object)
        {
            foreach (var framework in frameworks.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Object))
            {
                foreach (var dependency in framework.Value.EnumerateObject())
                {
                    if (Json.String(dependency.Value, "type") != "Project" && Json.String(dependency.Value, "resolved") is { Length: > 0 } version)
                    {
                        result.Add((dependency.Name, version));
                    }
                }
            }
        }

        return result.Distinct().ToList();
    }
}
