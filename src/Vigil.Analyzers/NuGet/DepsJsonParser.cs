using System.Text.Json;

namespace Vigil.Analyzers.NuGet;

/// <summary>Reads the NuGet packages a .NET application was published with from its <c>*.deps.json</c>.</summary>
public static class DepsJsonParser
{
    /// <summary>The <c>libraries</c> of type <c>package</c> as (name, version); projects and reference assemblies are left out.</summary>
    /// <exception cref="InvalidDataException">The file is not a JSON object.</exception>
    public static async Task<IReadOnlyList<(string Name, string Version)>> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var document = await JsonParsing.ParseObjectAsync(stream, "deps.json", cancellationToken);
        var result = new List<(string, string)>();
        if (document.RootElement.TryGetProperty("libraries", out var libraries) && libraries.ValueKind == JsonValueKind.Object)
        {
            foreach (var library in libraries.EnumerateObject())
            {
                var slash = library.Name.LastIndexOf('/');
                if (slash > 0 && slash < library.Name.Length - 1 && Json.String(library.Value, "type") == "package")
                {
                    result.Add((library.Name[..slash], library.Name[(slash + 1)..]));
                }
            }
        }

        return result;
    }
}
