using Vigil.Analyzers.Abstractions;
using Vigil.Core;
using Vigil.Core.FileSystem;

namespace Vigil.Analyzers.Rpm;

/// <summary>
/// Lists installed rpm packages from the rpm database in any of its three formats: SQLite (<c>rpmdb.sqlite</c>, RHEL 9,
/// Fedora), Berkeley DB hash (<c>Packages</c>, RHEL ≤ 8, CentOS, Amazon Linux 2) and NDB (<c>Packages.db</c>, SUSE).
/// </summary>
public sealed class RpmDatabaseAnalyzer : IPackageAnalyzer
{
    private const long MaxSize = 1024L * 1024 * 1024;
    private static readonly string[] Directories = ["/var/lib/rpm/", "/usr/lib/sysimage/rpm/", "/usr/share/rpm/"];
    private static readonly string[] Names = ["rpmdb.sqlite", "Packages", "Packages.db"];

    /// <inheritdoc/>
    public string Id => AnalyzerIds.Rpm;

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public bool IsRequired(FileEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var slash = file.Path.LastIndexOf('/');
        var directory = file.Path[..(slash + 1)];
        return Array.IndexOf(Directories, directory) >= 0 && Array.IndexOf(Names, file.FileName) >= 0;
    }

    /// <inheritdoc/>
    public async ValueTask<AnalysisResult> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.File.Size > MaxSize)
        {
            return AnalysisResult.Warning(input.File, $"rpm: database of {input.File.Size} bytes is over the {MaxSize}-byte limit; skipped");
        }

        // All three formats need random access (hash pages, slots, SQLite b-trees): the database is read into memory.
        var data = await TextReading.ReadAllBytesAsync(input.Content, MaxSize, cancellationToken);
        var (blobs, errors) = ReadBlobs(data);
        var warnings = errors.Select(e => new ScanWarning(input.File.Path, $"rpm: {e}")).ToList();
        var packages = new List<Package>();
        foreach (var blob in blobs)
        {
            var (record, error) = RpmHeaderParser.Parse(blob);
            if (record is null)
            {
                warnings.Add(new ScanWarning(input.File.Path, $"rpm: {error}"));
            }
            else if (record.Name != "gpg-pubkey")
            {
                // gpg-pubkey entries are imported signing keys, not software.
                packages.Add(ToPackage(record));
            }
        }

        return AnalysisResult.Of(packages, warnings);
    }

    private static (IReadOnlyList<byte[]> Blobs, IReadOnlyList<string> Errors) ReadBlobs(byte[] data)
    {
        if (RpmSqliteReader.IsSqlite(data))
        {
            return (RpmSqliteReader.ReadBlobs(data), []);
        }

        if (NdbReader.IsNdb(data))
        {
            return NdbReader.ReadBlobs(data);
        }

        if (BerkeleyDbHashReader.IsHashDatabase(data))
        {
            return BerkeleyDbHashReader.ReadValues(data);
        }

        throw new InvalidDataException("not an rpm database (neither SQLite, NDB nor Berkeley DB hash)");
    }

    private static Package ToPackage(RpmRecord record)
    {
        // Namespace and distro are placeholders until the builder knows the OS.
        var purl = PackageUrl.Create("rpm", "redhat", record.Name, $"{record.Version}-{record.Release}",
            [new("arch", record.Architecture), new("epoch", record.Epoch is > 0 ? record.Epoch.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)]);
        var source = record.SourceRpm is null ? null : RpmHeaderParser.ParseSourceRpm(record.SourceRpm);
        var sourceVersion = source is { } s && record.Epoch is > 0 ? $"{record.Epoch}:{s.Version}" : source?.Version;
        return new Package(new Ecosystem("Red Hat"), record.Name, record.FullVersion, PackageType.Os, purl)
        {
            SourceName = source is { } n && n.Name != record.Name ? n.Name : null,
            SourceVersion = sourceVersion is not null && sourceVersion != record.FullVersion ? sourceVersion : null,
            Licenses = record.License is { Length: > 0 } license ? [license] : [],
        };
    }
}
