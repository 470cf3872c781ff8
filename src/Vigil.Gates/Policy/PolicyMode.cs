namespace Vigil.Gates.Policy;

/// <summary>Whether a policy blocks or only reports.</summary>
public enum PolicyMode
{
    /// <summary>A failing image is denied (admission) or held back (registry).</summary>
    Enforce = 0,

    /// <summary>A failing image is let through with warnings; nothing is blocked.</summary>
    Audit = 1,
}
