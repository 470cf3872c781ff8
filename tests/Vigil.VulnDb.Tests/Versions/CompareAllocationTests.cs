using Vigil.VulnDb.Versions;

namespace Vigil.VulnDb.Tests.Versions;

/// <summary>"Parse once, compare many times": comparing parsed versions must not allocate.</summary>
public class CompareAllocationTests
{
    [Theory]
    [InlineData(VersionScheme.Dpkg, "1:2.36-9+deb12u4", "1:2.36-9+deb12u10~rc1")]
    [InlineData(VersionScheme.Rpm, "2:8.0.1-1.el9_2", "2:8.0.1-1.el9_2.1^git")]
    [InlineData(VersionScheme.Apk, "1.2.3_rc1_p2~abc-r4", "1.2.3_rc1_p2~abd-r4")]
    [InlineData(VersionScheme.SemVer, "v1.2.3-alpha.1.x+incompatible", "v1.2.3-alpha.1.y")]
    [InlineData(VersionScheme.Pep440, "1!2.0rc1.post2.dev3+local.7", "1!2.0rc1.post2.dev3+local.8")]
    [InlineData(VersionScheme.Maven, "1.0.0-alpha-1-SNAPSHOT", "1.0.0-alpha-1")]
    [InlineData(VersionScheme.NuGet, "1.2.3.4-beta.2.x", "1.2.3.4-BETA.2.y")]
    [InlineData(VersionScheme.RubyGems, "1.2.3.pre.beta.4", "1.2.3.pre.beta.5")]
    [InlineData(VersionScheme.Packagist, "1.0.0-RC1-dev", "1.0.0-RC1")]
    [InlineData(VersionScheme.Generic, "2024.01-beta.7", "2024.01-beta.8")]
    public void Comparing_parsed_versions_does_not_allocate(VersionScheme scheme, string a, string b)
    {
        var comparer = VersionSchemes.Get(scheme);
        var x = comparer.Parse(a);
        var y = comparer.Parse(b);
        var expected = x.CompareTo(y); // warm up (JIT, statics)

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0;
        for (var i = 0; i < 1000; i++)
        {
            sum += x.CompareTo(y);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(expected * 1000, sum);
        Assert.True(expected < 0, $"{a} should sort before {b}");
    }
}
