namespace Vigil.Gates.RegistryWebhook;

/// <summary>Push events found in a notification body, or why the body was refused.</summary>
/// <param name="Events">The manifest pushes (other events, such as pulls or blob pushes, are skipped).</param>
/// <param name="Error">Why the body is malformed, or null.</param>
/// <param name="Skipped">How many well-formed events were not manifest pushes.</param>
public sealed record PushEventParseResult(IReadOnlyList<PushEvent> Events, string? Error, int Skipped)
{
    /// <summary>Whether the body was understood.</summary>
    public bool IsValid => Error is null;

    internal static PushEventParseResult Malformed(string error) => new([], error, 0);
}
