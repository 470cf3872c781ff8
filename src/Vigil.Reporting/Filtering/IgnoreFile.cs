using Vigil.Core;

namespace Vigil.Reporting.Filtering;

/// <summary>
/// A parsed ignore file (<c>.vigilignore</c>): either YAML with an <c>ignores:</c> list of entries, or the simple format of
/// one id per line with <c>#</c> comments (as Trivy's <c>.trivyignore</c>). Bad entries become warnings, never exceptions.
/// </summary>
public sealed class IgnoreFile
{
    /// <summary>Files larger than this are refused with a warning: an ignore file is written by people.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private IgnoreFile(string source, IReadOnlyList<IgnoreEntry> entries, IReadOnlyList<ScanWarning> warnings)
    {
        Source = source;
        Entries = entries;
        Warnings = warnings;
    }

    /// <summary>Where it was read from.</summary>
    public string Source { get; }

    /// <summary>The valid entries, in file order.</summary>
    public IReadOnlyList<IgnoreEntry> Entries { get; }

    /// <summary>Entries that were skipped and why.</summary>
    public IReadOnlyList<ScanWarning> Warnings { get; }

    /// <summary>Parses ignore-file text. YAML is recognised by a <c>.yaml</c>/<c>.yml</c> name or by its first line.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="source">The file's path, used in entry sources and warnings.</param>
    public static IgnoreFile Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var warnings = new List<ScanWarning>();
        var entries = IsYaml(text, source)
            ? IgnoreYamlParser.Parse(text, source, warnings)
            : IgnoreLineParser.Parse(text, source, warnings);
        return new IgnoreFile(source, entries, warnings);
    }

    /// <summary>Reads and parses an ignore file; a missing file throws <see cref="FileNotFoundException"/>.</summary>
    public static async Task<IgnoreFile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"Ignore file '{path}' does not exist.", path);
        }

        if (info.Length > MaxBytes)
        {
            return new IgnoreFile(path, [], [new ScanWarning(path, $"Ignore file is larger than {MaxBytes} bytes; not used.")]);
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, path);
    }

    private static bool IsYaml(string text, string source)
    {
        if (source.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || source.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // The line format's first significant line is a bare id; YAML starts with a key or a list item.
        var first = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
        return first is not null && (first.StartsWith("- ", StringComparison.Ordinal) || first == "---"
            || first.StartsWith("ignores:", StringComparison.Ordinal) || first.StartsWith("vulnerabilities:", StringComparison.Ordinal));
    }
}
