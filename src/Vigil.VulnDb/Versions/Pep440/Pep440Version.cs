using System.Diagnostics.CodeAnalysis;
using System.Text;
using Vigil.VulnDb.Versions.Internal;

namespace Vigil.VulnDb.Versions.Pep440;

/// <summary>
/// A Python package version (PEP 440), <c>[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]</c>, ordered like
/// <c>packaging.version.Version</c>.
/// </summary>
/// <remarks>
/// <para>Parsing accepts what PEP 440 normalizes: any case, surrounding whitespace, a leading <c>v</c>, <c>-</c> <c>_</c>
/// <c>.</c> separators, the spellings <c>alpha</c>/<c>beta</c>/<c>c</c>/<c>pre</c>/<c>preview</c>/<c>rev</c>/<c>r</c>,
/// implicit numbers (<c>1.0a</c> is <c>1.0a0</c>) and <c>1.0-1</c> for <c>1.0.post1</c>.</para>
/// <para>Order: epoch, release (trailing zeros ignored), then a dev release of a final version before its pre-releases,
/// pre-releases (<c>a</c> &lt; <c>b</c> &lt; <c>rc</c>), the final release, post-releases, with each dev release before
/// what it leads to; a local label sorts after the same public version, numeric segments after text ones. Numbers in
/// the public part must fit in 64 bits. The default value is <c>0</c>. Immutable and thread-safe.</para>
/// </remarks>
public readonly struct Pep440Version : IVersion<Pep440Version>
{
    private const string SchemeName = "PEP 440";

    private readonly string? _text;
    private readonly ulong[]? _release; // trailing zeros removed
    private readonly string[]? _local;  // lower-case segments, null when absent

    private Pep440Version(
        string text, ulong epoch, ulong[] release, Pep440PreReleaseKind pre, ulong preNumber, ulong? post, ulong? dev, string[]? local)
    {
        _text = text;
        Epoch = epoch;
        _release = release;
        PreRelease = pre;
        PreReleaseNumber = preNumber;
        PostRelease = post;
        DevRelease = dev;
        _local = local;
    }

    /// <inheritdoc/>
    public static VersionScheme Scheme => VersionScheme.Pep440;

    /// <summary>The epoch, 0 when absent.</summary>
    public ulong Epoch { get; }

    /// <summary>The release numbers without trailing zeros (<c>1.2.0</c> → 1, 2); empty for <c>0</c>.</summary>
    public IReadOnlyList<ulong> Release => _release ?? [];

    /// <summary>The pre-release kind.</summary>
    public Pep440PreReleaseKind PreRelease { get; }

    /// <summary>The pre-release number (0 when implicit or absent).</summary>
    public ulong PreReleaseNumber { get; }

    /// <summary>The post-release number, or null.</summary>
    public ulong? PostRelease { get; }

    /// <summary>The dev-release number, or null.</summary>
    public ulong? DevRelease { get; }

    /// <summary>The normalized local label (<c>ubuntu.1</c>), or null.</summary>
    public string? Local => _local is null ? null : string.Join('.', _local);

    /// <summary>The PEP 440 normalized form (<c>1.0-RC.1</c> → <c>1.0rc1</c>), with trailing release zeros removed.</summary>
    public string Normalized
    {
        get
        {
            var builder = new StringBuilder();
            if (Epoch != 0)
            {
                builder.Append(Epoch).Append('!');
            }

            builder.AppendJoin('.', Release.Count == 0 ? [0UL] : Release);
            if (PreRelease != Pep440PreReleaseKind.None)
            {
                builder.Append(PreRelease switch { Pep440PreReleaseKind.Alpha => "a", Pep440PreReleaseKind.Beta => "b", _ => "rc" })
                    .Append(PreReleaseNumber);
            }

            if (PostRelease is { } post)
            {
                builder.Append(".post").Append(post);
            }

            if (DevRelease is { } dev)
            {
                builder.Append(".dev").Append(dev);
            }

            if (_local is not null)
            {
                builder.Append('+').AppendJoin('.', _local);
            }

            return builder.ToString();
        }
    }

    /// <summary>Whether this is a pre-release or a dev release.</summary>
    public bool IsPrerelease => PreRelease != Pep440PreReleaseKind.None || DevRelease is not null;

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? text, out Pep440Version version)
    {
        version = default;
        return text is not null && TryParseCore(text, out version) is null;
    }

    /// <inheritdoc/>
    public static Pep440Version Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParseCore(text, out var version);
        return error is null ? version : throw VersionText.Invalid(SchemeName, text, error);
    }

    /// <inheritdoc/>
    public int CompareTo(Pep440Version other)
    {
        if (Epoch != other.Epoch)
        {
            return Epoch < other.Epoch ? -1 : 1;
        }

        var release = ((ReadOnlySpan<ulong>)_release).SequenceCompareTo(other._release);
        if (release != 0)
        {
            return Math.Sign(release);
        }

        var pre = PreKey().CompareTo(other.PreKey());
        if (pre != 0)
        {
            return pre;
        }

        if (PreRelease != Pep440PreReleaseKind.None && PreReleaseNumber != other.PreReleaseNumber)
        {
            return PreReleaseNumber < other.PreReleaseNumber ? -1 : 1;
        }

        // Absent post sorts first, absent dev sorts last.
        var post = Nullable.Compare(PostRelease, other.PostRelease);
        if (post != 0)
        {
            return Math.Sign(post);
        }

        if (DevRelease != other.DevRelease)
        {
            return DevRelease is null ? 1 : other.DevRelease is null ? -1 : DevRelease < other.DevRelease ? -1 : 1;
        }

        return CompareLocal(_local, other._local);
    }

    /// <inheritdoc/>
    public bool Equals(Pep440Version other) => CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Pep440Version other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Epoch);
        foreach (var number in Release)
        {
            hash.Add(number);
        }

        hash.Add(PreRelease);
        hash.Add(PreReleaseNumber);
        hash.Add(PostRelease);
        hash.Add(DevRelease);
        foreach (var segment in _local ?? [])
        {
            hash.Add(VersionText.IsAllDigits(segment) ? VersionText.TrimLeadingZeros(segment).ToString() : segment);
        }

        return hash.ToHashCode();
    }

    /// <summary>The text the version was parsed from.</summary>
    public override string ToString() => _text ?? "0";

    /// <inheritdoc/>
    public static bool operator ==(Pep440Version left, Pep440Version right) => left.Equals(right);

    /// <inheritdoc/>
    public static bool operator !=(Pep440Version left, Pep440Version right) => !left.Equals(right);

    /// <inheritdoc/>
    public static bool operator <(Pep440Version left, Pep440Version right) => left.CompareTo(right) < 0;

    /// <inheritdoc/>
    public static bool operator <=(Pep440Version left, Pep440Version right) => left.CompareTo(right) <= 0;

    /// <inheritdoc/>
    public static bool operator >(Pep440Version left, Pep440Version right) => left.CompareTo(right) > 0;

    /// <inheritdoc/>
    public static bool operator >=(Pep440Version left, Pep440Version right) => left.CompareTo(right) >= 0;

    // packaging's _cmpkey: a dev release of a final version sorts before every pre-release (-1); a final version after (4).
    private int PreKey() =>
        PreRelease != Pep440PreReleaseKind.None ? (int)PreRelease
        : PostRelease is null && DevRelease is not null ? -1
        : 4;

    // No local label sorts first; numeric segments sort after text ones; a longer label after its prefix.
    private static int CompareLocal(string[]? a, string[]? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            var aNumeric = VersionText.IsAllDigits(a[i]);
            var bNumeric = VersionText.IsAllDigits(b[i]);
            var result = aNumeric != bNumeric ? (aNumeric ? 1 : -1)
                : aNumeric ? VersionText.CompareDigits(a[i], b[i])
                : Math.Sign(string.CompareOrdinal(a[i], b[i]));
            if (result != 0)
            {
                return result;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    // An absent group is an implicit 0.
    private static bool TryNumber(System.Text.RegularExpressions.Group group, out ulong value, out string? error)
    {
        value = 0;
        error = null;
        if (!group.Success || VersionText.TryParseNumber(group.ValueSpan, out value))
        {
            return true;
        }

        error = $"the number '{group.Value}' is too big";
        return false;
    }

    // The pattern says only "no"; point at the most likely cause.
    private static string Explain(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return "it is blank";
        }

        var start = trimmed[0] is 'v' or 'V' ? 1 : 0;
        return start >= trimmed.Length || !char.IsAsciiDigit(trimmed[start])
            ? "it must start with a number (optionally after 'v')"
            : "it does not match [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]";
    }

    private static string? TryParseCore(string text, out Pep440Version version)
    {
        version = default;
        if (VersionText.CheckLength(text) is { } lengthError)
        {
            return lengthError;
        }

        var match = Pep440Syntax.Version().Match(text);
        if (!match.Success)
        {
            return Explain(text);
        }

        if (!TryNumber(match.Groups["epoch"], out var epoch, out var error))
        {
            return error;
        }

        var releaseText = match.Groups["release"].ValueSpan;
        var release = new List<ulong>();
        foreach (var range in releaseText.Split('.'))
        {
            if (!VersionText.TryParseNumber(releaseText[range], out var number))
            {
                return $"the release number '{releaseText[range]}' is too big";
            }

            release.Add(number);
        }

        while (release.Count > 0 && release[^1] == 0)
        {
            release.RemoveAt(release.Count - 1);
        }

        var pre = match.Groups["pre_l"].ValueSpan.ToString().ToLowerInvariant() switch
        {
            "" => Pep440PreReleaseKind.None,
            "a" or "alpha" => Pep440PreReleaseKind.Alpha,
            "b" or "beta" => Pep440PreReleaseKind.Beta,
            _ => Pep440PreReleaseKind.ReleaseCandidate,
        };
        if (!TryNumber(match.Groups["pre_n"], out var preNumber, out error)
            || !TryNumber(match.Groups["post_n1"].Success ? match.Groups["post_n1"] : match.Groups["post_n2"], out var postNumber, out error)
            || !TryNumber(match.Groups["dev_n"], out var devNumber, out error))
        {
            return error;
        }

        var local = match.Groups["local"];
        version = new Pep440Version(
            text,
            epoch,
            [.. release],
            pre,
            preNumber,
            match.Groups["post"].Success ? postNumber : null,
            match.Groups["dev"].Success ? devNumber : null,
            local.Success ? local.Value.ToLowerInvariant().Split('-', '_', '.') : null);
        return null;
    }
}
