namespace Vigil.Gates.Policy;

/// <summary>What to do with an image that has no usable scan report (never scanned, report too old, or no time left to scan).</summary>
public enum UnknownImageAction
{
    /// <summary>Deny it (enforce mode) or warn (audit mode).</summary>
    Deny = 0,

    /// <summary>Let it through with a warning.</summary>
    Allow = 1,
}
