
namespace Vigil.Core.Tests;

public sealed class PackageUrlTests
{
    [Fact]
    public void Create_EncodesAndSortsQualifiers()
    {
        var purl = PackageUrl.Create("deb", "debian", "libc6", "2.36-9+deb12u4", [new("distro", "debian-12"), new("arch", "amd64")]);
        Assert.Equal("pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64&distro=debian-12", purl);
    }

    [Fact]
    public void Create_EncodesNpmScope()
    {
        Assert.Equal("pkg:npm/%40babel/core@7.0.0", PackageUrl.Create("npm", "@babel", "core", "7.0.0"));
    }

    [Fact]
    public void Create_MavenGroupAndNoVersion()
    {
        Assert.Equal("pkg:maven/org.apache.logging.log4j/log4j-core", PackageUrl.Create("maven", "org.apache.logging.log4j", "log4j-core", null));
    }
}
