using Vigil.Oci.Layers;

namespace Vigil.Oci.Tests.Layers;

public sealed class TarPathTests
{
    [Theory]
    [InlineData("usr/lib/x", "/usr/lib/x")]
    [InlineData("./usr//lib/", "/usr/lib")]
    [InlineData("/abs/./x", "/abs/x")]
    [InlineData("a/b/../c", "/a/c")]
    [InlineData(".", "/")]
    [InlineData("./.bashrc", "/.bashrc")]
    [InlineData("..foo/.x./y", "/..foo/.x./y")]
    [InlineData("./", "/")]
    [InlineData("etc/", "/etc")]
    [InlineData("///a//", "/a")]
    [InlineData("./a/./b", "/a/b")]
    [InlineData("../x", null)]
    [InlineData("a/../../x", null)]
    public void Normalizes_or_refuses(string name, string? expected) => Assert.Equal(expected, TarPath.Normalize(name));

    [Theory]
    [InlineData("/usr/bin/x", "../lib/x", false)]
    [InlineData("/usr/bin/x", "/etc/passwd", false)]
    [InlineData("/usr/bin/x", "../../../etc/passwd", true)]
    [InlineData("/x", "../y", true)]
    public void Tells_links_that_escape(string link, string target, bool escapes) => Assert.Equal(escapes, TarPath.EscapesRoot(link, target));
}
