using Vigil.Core;

namespace Vigil.Gates.Abstractions;

/// <summary>What the gates know about one image: its findings and when they were computed.</summary>
/// <param name="Digest">The manifest digest that was scanned (the identity gates decide on, never a tag).</param>
/// <param name="Findings">Every finding, unfiltered: the policy decides what blocks.</param>
/// <param name="ScannedAt">When the scan ran (or the vulnerability data was last matched), for the policy's report age.</param>
public sealed record ImageScanResult(Digest Digest, IReadOnlyList<Finding> Findings, DateTimeOffset ScannedAt);
