using Vigil.Core;

namespace Vigil.Gates.Policy;

/// <summary>
/// Time given to teams after an advisory is published: a finding published less than <see cref="Duration"/> ago warns
/// instead of blocking, unless its severity is at or above <see cref="StillBlockAtOrAbove"/>.
/// </summary>
/// <param name="Duration">How long after publication a finding does not block.</param>
public sealed record GracePeriod(TimeSpan Duration)
{
    /// <summary>Findings this severe or worse block even inside the grace period; null lets all of them through.</summary>
    public Severity? StillBlockAtOrAbove { get; init; }
}
