namespace Vigil.Analyzers.Maven;

/// <summary>Maven coordinates found in a Java archive.</summary>
/// <param name="GroupId">The group id.</param>
/// <param name="ArtifactId">The artifact id.</param>
/// <param name="Version">The version.</param>
/// <param name="Location">The archive it describes (<c>/app/a.war!/WEB-INF/lib/b.jar</c> for nested archives).</param>
public sealed record MavenArtifact(string GroupId, string ArtifactId, string Version, string Location);
