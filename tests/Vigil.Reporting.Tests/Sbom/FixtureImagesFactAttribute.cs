namespace Vigil.Reporting.Tests.Sbom;

/// <summary>
/// A fact that needs the real fixture images and Trivy's SBOMs of them (<c>make-fixtures.sh build sbom</c>, under
/// <c>~/.cache/vigil-fixtures</c>); skipped where they have not been made.
/// </summary>
public sealed class FixtureImagesFactAttribute : FactAttribute
{
    public FixtureImagesFactAttribute()
    {
        if (!File.Exists(FixtureImages.TrivySbom("app")) || !File.Exists(FixtureImages.DockerArchive("app")))
        {
            Skip = $"Fixture images or their Trivy SBOMs are not in {FixtureImages.WorkDirectory} (run make-fixtures.sh build sbom).";
        }
    }
}
