namespace Vigil.VulnDb.Versions.Pep440;

/// <summary>The kind of pre-release, in sort order.</summary>
public enum Pep440PreReleaseKind
{
    /// <summary>Not a pre-release.</summary>
    None = 0,

    /// <summary>Alpha (<c>a</c>, <c>alpha</c>).</summary>
    Alpha,

    /// <summary>Beta (<c>b</c>, <c>beta</c>).</summary>
    Beta,

    /// <summary>Release candidate (<c>rc</c>, <c>c</c>, <c>pre</c>, <c>preview</c>).</summary>
    ReleaseCandidate,
}
