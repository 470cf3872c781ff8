using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Analyzers.Internal;

namespace Vigil.Analyzers.Maven;

/// <summary>
/// Finds Maven coordinates in a Java archive (<c>.jar</c>, <c>.war</c>, <c>.ear</c>): every
/// <c>META-INF/maven/**/pom.properties</c> (a shaded jar has several), archives nested inside it, and, when an archive has
/// no pom.properties, its <c>MANIFEST.MF</c> plus its file name.
/// </summary>
public static partial class JarParser
{
    private const int MaxDepth = 4;
    private const long MaxMetadata = 1024 * 1024;
    private const long MaxNestedSize = 512L * 1024 * 1024;

    /// <summary>What was found, and what had to be skipped.</summary>
    public sealed record Result(IReadOnlyList<MavenArtifact> Artifacts, IReadOnlyList<string> Errors);

    /// <summary>Reads the archive in <paramref name="seekable"/> (named <paramref name="location"/>).</summary>
    public static Result Parse(Stream seekable, string location)
    {
        ArgumentNullException.ThrowIfNull(seekable);
        var artifacts = new List<MavenArtifact>();
        var errors = new List<string>();
        ParseArchive(seekable, location, 0, artifacts, errors);
        return new Result(artifacts.Distinct().ToList(), errors);
    }

    private static void ParseArchive(Stream stream, string location, int depth, List<MavenArtifact> artifacts, List<string> errors)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            errors.Add($"{location}: not a valid zip archive ({ex.Message})");
            return;
        }

        using (archive)
        {
            var found = new List<MavenArtifact>();
            IReadOnlyDictionary<string, string>? manifest = null;
            foreach (var entry in archive.Entries)
            {
                try
                {
                    if (entry.FullName.StartsWith("META-INF/maven/", StringComparison.Ordinal) && entry.Name == "pom.properties")
                    {
                        var properties = JavaProperties.Parse(ReadText(entry));
                        if (properties.GetValueOrDefault("groupId") is { Length: > 0 } g && properties.GetValueOrDefault("artifactId") is { Length: > 0 } a
                            && properties.GetValueOrDefault("version") is { Length: > 0 } v)
                        {
                            found.Add(new MavenArtifact(g, a, v, location));
                        }
                    }
                    else if (entry.FullName == "META-INF/MANIFEST.MF")
                    {
                        manifest = JavaProperties.Parse(ReadText(entry));
                    }
                    else if (IsArchiveName(entry.Name))
                    {
                        ParseNested(entry, $"{location}!/{entry.FullName}", depth, artifacts, errors);
                    }
                }
                catch (InvalidDataException ex)
                {
                    errors.Add($"{location}!/{entry.FullName}: {ex.Message}");
                }
            }

            if (found.Count == 0 && manifest is not null && FromManifest(manifest, location) is { } fallback)
            {
                found.Add(fallback);
            }

            artifacts.AddRange(found);
        }
    }

    private static void ParseNested(ZipArchiveEntry entry, string location, int depth, List<MavenArtifact> artifacts, List<string> errors)
    {
        if (depth + 1 >= MaxDepth)
        {
            errors.Add($"{location}: archives nested deeper than {MaxDepth} levels; skipped");
            return;
        }

        if (entry.Length > MaxNestedSize)
        {
            errors.Add($"{location}: nested archive of {entry.Length} bytes is over the {MaxNestedSize}-byte limit; skipped");
            return;
        }

        Stream copy;
        using (var content = entry.Open())
        {
            copy = SpooledCopy.Copy(content, entry.Length, MaxNestedSize);
        }

        using (copy)
        {
            ParseArchive(copy, location, depth + 1, artifacts, errors);
        }
    }

    /// <summary>Whether a file name is a Java archive Vigil reads.</summary>
    public static bool IsArchiveName(string name) =>
        name.EndsWith(".jar", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".war", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".ear", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".jpi", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".hpi", StringComparison.OrdinalIgnoreCase);

    // maven-jar-plugin's default manifest entries put the group id in Implementation-Vendor-Id; without a group id the
    // artifact cannot be named in the Maven ecosystem, so nothing is reported.
    private static MavenArtifact? FromManifest(IReadOnlyDictionary<string, string> manifest, string location)
    {
        var group = manifest.GetValueOrDefault("Implementation-Vendor-Id");
        var fileName = location[(location.LastIndexOfAny(['/', '!']) + 1)..];
        var match = FileNameRegex().Match(fileName);
        var artifact = match.Success ? match.Groups["artifact"].Value : manifest.GetValueOrDefault("Implementation-Title");
        var version = manifest.GetValueOrDefault("Implementation-Version") is { Length: > 0 } v ? v : match.Success ? match.Groups["version"].Value : null;
        return string.IsNullOrEmpty(group) || string.IsNullOrEmpty(artifact) || string.IsNullOrEmpty(version) || artifact.Contains(' ', StringComparison.Ordinal)
            ? null
            : new MavenArtifact(group, artifact, version, location);
    }

    private static string ReadText(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxMetadata)
        {
            throw new InvalidDataException($"metadata file of {entry.Length} bytes is over the {MaxMetadata}-byte limit");
        }

        using var content = entry.Open();
        using var memory = new MemoryStream();
        CopyCapped(content, memory, MaxMetadata);
        return Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length);
    }

    // The declared size can lie (zip bombs): stop at the cap whatever the header says.
    private static void CopyCapped(Stream source, Stream destination, long cap)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            total += read;
            if (total > cap)
            {
                throw new InvalidDataException($"entry inflates beyond {cap} bytes");
            }

            destination.Write(buffer, 0, read);
        }
    }

    [GeneratedRegex(@"^(?<artifact>[A-Za-z][\w.\-]*?)-(?<version>\d[\w.\-]*)\.(?:jar|war|ear|jpi|hpi)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameRegex();
}
