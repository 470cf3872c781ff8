using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Versions;

namespace Vigil.VulnDb.Ranges;

/// <summary>
/// An ECOSYSTEM or SEMVER range with its events parsed once and sorted, evaluated as the OSV specification's
/// pseudo-code does: walk the sorted events; <c>introduced</c> at or below the version turns "affected" on,
/// <c>fixed</c> at or below and <c>last_affected</c> below turn it off; a version at or above every <c>limit</c> is out.
/// </summary>
internal sealed class CompiledRange
{
    private readonly RangeEvent[] _events;
    private readonly ParsedVersion?[] _limits;

    private CompiledRange(IVersionComparer comparer, RangeEvent[] events, ParsedVersion?[] limits)
    {
        Comparer = comparer;
        _events = events;
        _limits = limits;
    }

    public IVersionComparer Comparer { get; }

    /// <summary>Parses a range; returns null with a reason when an event's version is invalid in the comparer's scheme.</summary>
    public static CompiledRange? Compile(OsvRange range, IVersionComparer comparer, out string? problem)
    {
        problem = null;
        var events = new List<RangeEvent>();
        var limits = new List<ParsedVersion?>();
        foreach (var e in range.Events ?? [])
        {
            var (kind, text) = e.Introduced is { } i ? (RangeEventKind.Introduced, i)
                : e.Fixed is { } f ? (RangeEventKind.Fixed, f)
                : e.LastAffected is { } l ? (RangeEventKind.LastAffected, l)
                : (RangeEventKind.Limit, e.Limit ?? "*");
            ParsedVersion? version = null;
            var unbounded = (kind == RangeEventKind.Introduced && text == "0") || (kind == RangeEventKind.Limit && text == "*");
            if (!unbounded && !comparer.TryParse(text, out version))
            {
                problem = $"{range.Type} range event '{text}' is not a valid {comparer.Scheme} version";
                return null;
            }

            if (kind == RangeEventKind.Limit)
            {
                limits.Add(version);
            }
            else
            {
                events.Add(new RangeEvent(kind, version, text));
            }
        }

        // "introduced: 0" (null) sorts first; at equal versions keep the written order.
        var sorted = events.Select((e, index) => (e, index)).OrderBy(x => x.e.Version).ThenBy(x => x.index).Select(x => x.e).ToArray();
        return new CompiledRange(comparer, sorted, [.. limits]);
    }

    /// <summary>Whether <paramref name="version"/> (parsed with <see cref="Comparer"/>) is in the range.</summary>
    public bool Contains(ParsedVersion version)
    {
        var affected = false;
        foreach (var e in _events)
        {
            switch (e.Kind)
            {
                case RangeEventKind.Introduced when e.Version is null || version >= e.Version:
                    affected = true;
                    break;
                case RangeEventKind.Fixed when version >= e.Version:
                    affected = false;
                    break;
                case RangeEventKind.LastAffected when version > e.Version:
                    affected = false;
                    break;
            }
        }

        // A limit of "*" (null) bounds nothing; otherwise the version must be below some limit.
        return affected && (_limits.Length == 0 || _limits.Any(limit => limit is null || version < limit));
    }

    /// <summary>The lowest <c>fixed</c> version above <paramref name="version"/>, or null.</summary>
    public RangeEvent? LowestFixAbove(ParsedVersion version)
    {
        foreach (var e in _events)
        {
            if (e.Kind == RangeEventKind.Fixed && e.Version > version)
            {
                return e;
            }
        }

        return null;
    }
}
