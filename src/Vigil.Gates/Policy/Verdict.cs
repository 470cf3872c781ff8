using System.Text;

namespace Vigil.Gates.Policy;

/// <summary>
/// The policy's answer for one image: allowed, warned or denied, with every blocking finding and the reason each other
/// finding did not block.
/// </summary>
public sealed record Verdict
{
    /// <summary>The image and workload the verdict is about.</summary>
    public required PolicySubject Subject { get; init; }

    /// <summary>The decision after mode, exemptions and unknown-image handling.</summary>
    public required VerdictDecision Decision { get; init; }

    /// <summary>The mode of the policy that decided.</summary>
    public PolicyMode Mode { get; init; }

    /// <summary>Findings that block (in audit mode: that would block).</summary>
    public IReadOnlyList<BlockingFinding> Blocking { get; init; } = [];

    /// <summary>Findings that did not block, each with its reason.</summary>
    public IReadOnlyList<NonBlockingFinding> NotBlocking { get; init; } = [];

    /// <summary>Why the image counts as unknown (no report, report too old, no time to scan); null when a report was used.</summary>
    public string? UnknownReason { get; init; }

    /// <summary>Further remarks for people: exemption used, expired allow entries, audit mode.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Whether the image may run or be promoted.</summary>
    public bool IsAllowed => Decision != VerdictDecision.Denied;

    /// <summary>
    /// One readable paragraph: the decision, every blocking id with its package and fixed version, and the notes.
    /// This is the admission denial message and the warning text.
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder();
        var image = Subject.Digest is { } digest && !Subject.Image.Contains('@', StringComparison.Ordinal)
            ? $"{Subject.Image}@{digest}"
            : Subject.Image;
        text.Append(Decision switch
        {
            VerdictDecision.Denied => $"Vigil denied image {image}",
            VerdictDecision.Warned => $"Vigil warns about image {image}",
            _ => $"Vigil allowed image {image}",
        });
        if (UnknownReason is not null)
        {
            text.Append(": ").Append(UnknownReason);
        }

        if (Blocking.Count > 0)
        {
            text.Append(Decision == VerdictDecision.Denied ? ": " : ": would be blocked by ")
                .Append(Blocking.Count).Append(Blocking.Count == 1 ? " vulnerability: " : " vulnerabilities: ")
                .AppendJoin("; ", Blocking.Select(b => b.Describe()));
        }

        text.Append('.');
        foreach (var note in Notes)
        {
            text.Append(' ').Append(note);
            if (!note.EndsWith('.'))
            {
                text.Append('.');
            }
        }

        return text.ToString();
    }
}
