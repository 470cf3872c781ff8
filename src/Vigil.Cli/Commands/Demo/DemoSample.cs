
namespace Vigil.Cli.Commands.Demo;

/// <summary>
/// The demo's sample image layers and OSV records, embedded in the CLI from <c>samples/demo/</c> so that
/// <c>vigil demo</c> works from any directory with no network.
/// </summary>
public static class DemoSample
{
    private const string Prefix = "demo/";

    /// <summary>Files of the sample: relative path (<c>image/layer1/etc/os-release</c>, <c>osv/X.json</c>) → content.</summary>
    public static IReadOnlyDictionary<string, byte[]> Files { get; } = Load();

    /// <summary>The image layers in order: each maps an absolute path in the image to its content.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, byte[]>> Layers()
    {
        return Files.Keys
            .Where(k => k.StartsWith("image/", StringComparison.Ordinal))
            .GroupBy(k => k.Split('/')[1], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyDictionary<string, byte[]>)g.ToDictionary(
                k => "/" + string.Join('/', k.Split('/').Skip(2)),
                k => Files[k],
                StringComparer.Ordinal))
            .ToList();
    }

    /// <summary>The sample OSV records: file name → JSON bytes.</summary>
    public static IReadOnlyDictionary<string, byte[]> OsvRecords() =>
        Files.Where(f => f.Key.StartsWith("osv/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key["osv/".Length..], f => f.Value, StringComparer.Ordinal);

    private static Dictionary<string, byte[]> Load()
    {
        var assembly = typeof(DemoSample).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[name[Prefix.Length..].Replace('\\', '/')] = buffer.ToArray();
        }

        return files;
    }
}
