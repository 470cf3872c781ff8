namespace Vigil.Core;

/// <summary>Something that went wrong on one input without stopping the scan: a skipped file, a malformed record.</summary>
/// <param name="Source">What it concerns: a file path in the image, a layer digest, an advisory id.</param>
/// <param name="Message">What happened, for people; never contains secrets.</param>
public sealed record ScanWarning(string Source, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Source}: {Message}";
}
