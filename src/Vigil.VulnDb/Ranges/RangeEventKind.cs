namespace Vigil.VulnDb.Ranges;

/// <summary>The kind of an OSV range event.</summary>
internal enum RangeEventKind
{
    Introduced = 0,
    Fixed = 1,
    LastAffected = 2,
    Limit = 3,
}
