namespace Vigil.Reporting.Tests.Sbom;

/// <summary>Paths of the fixture images and reference SBOMs made by <c>/work/shared/fixtures/make-fixtures.sh</c>.</summary>
public static class FixtureImages
{
    public static string WorkDirectory => Environment.GetEnvironmentVariable("W") is { Length: > 0 } w
        ? w
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "vigil-fixtures");

    public static string DockerArchive(string tag) => Path.Combine(WorkDirectory, "images", $"debian-{tag}.docker.tar");

    public static string TrivySbom(string tag) => Path.Combine(WorkDirectory, "sboms", $"debian-{tag}.cdx.json");
}
