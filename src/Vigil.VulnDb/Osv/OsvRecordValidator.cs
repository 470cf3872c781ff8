using System.Buffers;

namespace Vigil.VulnDb.Osv;

/// <summary>
/// Checks a deserialized record against the OSV schema rules that matching depends on, and removes the parts that break
/// them (a range with a malformed GIT commit, an event with two keys) so that the rest of the record stays usable.
/// </summary>
internal static class OsvRecordValidator
{
    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdefABCDEF");

    public static OsvParseResult Validate(OsvRecord record)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(record.Id))
        {
            return new OsvParseResult(null, ["the record has no id"]);
        }

        if (record.Modified is null)
        {
            problems.Add("required field 'modified' is missing");
        }

        var affected = new List<OsvAffected>();
        foreach (var entry in record.Affected ?? [])
        {
            if (entry is null)
            {
                problems.Add("an affected entry is null");
                continue;
            }

            var ranges = new List<OsvRange>();
            foreach (var range in entry.Ranges ?? [])
            {
                var problem = RangeProblem(range);
                if (problem is null)
                {
                    ranges.Add(range);
                }
                else
                {
                    problems.Add($"{entry.Package?.Name ?? "(no package)"}: {problem}; range skipped");
                }
            }

            var hasPackage = entry.Package is { } p && !string.IsNullOrWhiteSpace(p.Ecosystem) && !string.IsNullOrWhiteSpace(p.Name);
            if (!hasPackage && entry.Package is not null)
            {
                problems.Add("an affected package has no ecosystem or name; entry skipped");
                continue;
            }

            var versions = entry.Versions?.Where(v => !string.IsNullOrEmpty(v)).ToList();
            if (versions is not null && versions.Count != entry.Versions!.Count)
            {
                problems.Add($"{entry.Package?.Name}: empty strings in 'versions' skipped");
            }

            affected.Add(entry with { Ranges = ranges, Versions = versions });
        }

        return new OsvParseResult(record with { Affected = affected }, problems);
    }

    private static string? RangeProblem(OsvRange? range)
    {
        if (range is null)
        {
            return "a range is null";
        }

        if (range.Type is not ("ECOSYSTEM" or "SEMVER" or "GIT"))
        {
            return $"unknown range type '{range.Type}'";
        }

        if (range.Events is not { Count: > 0 })
        {
            return $"{range.Type} range has no events";
        }

        foreach (var e in range.Events)
        {
            if (e is null)
            {
                return "an event is null";
            }

            var values = new[] { e.Introduced, e.Fixed, e.LastAffected, e.Limit };
            if (values.Count(v => v is not null) != 1)
            {
                return "an event must have exactly one of introduced, fixed, last_affected, limit";
            }

            var value = values.First(v => v is not null)!;
            if (value.Length == 0)
            {
                return "an event has an empty version";
            }

            if (range.Type == "GIT" && !IsCommit(value) && !(value == "0" && e.Introduced is not null) && !(value == "*" && e.Limit is not null))
            {
                return $"GIT event '{value}' is not a full commit hash";
            }
        }

        if (range.Type == "GIT" && string.IsNullOrWhiteSpace(range.Repo))
        {
            return "GIT range has no repo";
        }

        return null;
    }

    private static bool IsCommit(string value) => value.Length == 40 && !value.AsSpan().ContainsAnyExcept(Hex);
}
