
namespace Vigil.Core.Tests;

public sealed class EcosystemTests
{
    [Theory]
    [InlineData("npm", "npm", null)]
    [InlineData("Debian:12", "Debian", "12")]
    [InlineData("Ubuntu:22.04:LTS", "Ubuntu", "22.04:LTS")]
    [InlineData("Rocky Linux:9", "Rocky Linux", "9")]
    public void Parse_SplitsNameAndRelease(string value, string name, string? release)
    {
        var ecosystem = Ecosystem.Parse(value);
        Assert.Equal(name, ecosystem.Name);
        Assert.Equal(release, ecosystem.Release);
        Assert.Equal(value, ecosystem.ToString());
    }

    [Fact]
    public void WithoutRelease_DropsRelease()
    {
        Assert.Equal(Ecosystem.Debian, Ecosystem.Parse("Debian:12").WithoutRelease);
    }
}
