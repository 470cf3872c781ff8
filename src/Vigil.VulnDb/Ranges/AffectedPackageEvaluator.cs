using Vigil.Core;
using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Versions;

namespace Vigil.VulnDb.Ranges;

/// <summary>
/// Decides whether versions are affected by one OSV <c>affected</c> entry: its explicit <c>versions</c> list and its
/// ECOSYSTEM and SEMVER ranges (GIT ranges are about commits, not packages, and are ignored). Independent of the version
/// scheme: ECOSYSTEM ranges use the ecosystem's <see cref="IVersionComparer"/>, SEMVER ranges the SemVer one.
/// </summary>
/// <remarks>Build once and evaluate many versions: events are parsed and sorted at construction. Thread-safe.</remarks>
public sealed class AffectedPackageEvaluator
{
    private readonly HashSet<string> _versions;
    private readonly List<CompiledRange> _ranges = [];
    private readonly List<string> _problems = [];

    /// <summary>Compiles <paramref name="affected"/> for packages of <paramref name="ecosystem"/>.</summary>
    public AffectedPackageEvaluator(OsvAffected affected, Ecosystem ecosystem)
    {
        ArgumentNullException.ThrowIfNull(affected);
        Affected = affected;
        EcosystemComparer = ComparerFor(ecosystem);
        _versions = new HashSet<string>(affected.Versions ?? [], StringComparer.Ordinal);
        foreach (var range in affected.Ranges ?? [])
        {
            var comparer = range.Type switch
            {
                "ECOSYSTEM" => EcosystemComparer,
                "SEMVER" => VersionSchemes.Get(VersionScheme.SemVer),
                _ => null,
            };
            if (comparer is null)
            {
                continue;
            }

            if (CompiledRange.Compile(range, comparer, out var problem) is { } compiled)
            {
                _ranges.Add(compiled);
            }
            else
            {
                _problems.Add(problem!);
            }
        }
    }

    /// <summary>The entry this evaluator was built from.</summary>
    public OsvAffected Affected { get; }

    /// <summary>The comparer of the package's ecosystem.</summary>
    public IVersionComparer EcosystemComparer { get; }

    /// <summary>Ranges that could not be evaluated (an event version invalid in the scheme), for warnings.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Evaluates one installed version.</summary>
    public RangeMatch Evaluate(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var listed = _versions.Contains(version);
        var affected = listed;
        string? fix = null;
        ParsedVersion? fixParsed = null;
        ParsedVersion? ecosystemParsed = null, semverParsed = null;
        var ecosystemTried = false;
        var semverTried = false;
        foreach (var range in _ranges)
        {
            ParsedVersion? parsed;
            if (ReferenceEquals(range.Comparer, EcosystemComparer))
            {
                if (!ecosystemTried)
                {
                    _ = EcosystemComparer.TryParse(version, out ecosystemParsed);
                    ecosystemTried = true;
                }

                parsed = ecosystemParsed;
            }
            else
            {
                if (!semverTried)
                {
                    _ = range.Comparer.TryParse(version, out semverParsed);
                    semverTried = true;
                }

                parsed = semverParsed;
            }

            if (parsed is null)
            {
                continue;
            }

            var inRange = range.Contains(parsed);
            affected |= inRange;
            if ((inRange || listed) && range.LowestFixAbove(parsed) is { } candidate
                && (fixParsed is null || (candidate.Version!.Scheme == fixParsed.Scheme && candidate.Version < fixParsed)))
            {
                fix = candidate.Text;
                fixParsed = candidate.Version;
            }
        }

        return affected ? new RangeMatch(true, fix) : RangeMatch.NotAffected;
    }

    /// <summary>Whether <paramref name="version"/> parses in the ecosystem's scheme (invalid versions only match explicit lists).</summary>
    public bool IsValidVersion(string version) => EcosystemComparer.IsValid(version);

    /// <summary>The comparer of <paramref name="ecosystem"/>, or the generic one where no scheme is implemented yet.</summary>
    public static IVersionComparer ComparerFor(Ecosystem ecosystem)
    {
        try
        {
            return VersionSchemes.ForEcosystem(ecosystem);
        }
        catch (ArgumentOutOfRangeException)
        {
            return VersionSchemes.Get(VersionScheme.Generic);
        }
    }
}
