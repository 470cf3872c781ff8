using Vigil.VulnDb.Cvss;

namespace Vigil.VulnDb.Tests.Cvss;

public sealed class CvssV4Tests
{
    // Scores as given by the FIRST CVSS v4.0 calculator (the specification's reference implementation).
    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N", 6.9)]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.5)]
    [InlineData("CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:P/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", 2.1)]
    [InlineData("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L", 1.0)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0)]
    [InlineData("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N/E:U", 5.0)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P/CR:M/IR:L/AR:L", 7.3)]
    [InlineData("CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:A/VC:N/VI:N/VA:L/SC:H/SI:H/SA:H/MSI:S/MSA:S", 6.7)]
    public void Scores_reference_examples(string vector, double expected)
    {
        Assert.True(CvssV4.TryScore(vector, out var score));
        Assert.Equal(expected, score.BaseScore);
        Assert.Equal("4.0", score.Version);
    }

    [Fact]
    public void Supplemental_metrics_do_not_change_the_score()
    {
        Assert.True(CvssV4.TryScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N/S:P/AU:Y/U:Red", out var score));
        Assert.Equal(6.9, score.BaseScore);
    }

    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N")]
    [InlineData("CVSS:4.0/AV:Q/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:S/SA:N")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N/XX:Y")]
    [InlineData("AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N")]
    public void Rejects_malformed_vectors(string vector) => Assert.False(CvssV4.TryScore(vector, out _));

    [Fact]
    public void Every_macrovector_of_the_lookup_table_is_present() => Assert.Equal(270, CvssV4Lookup.Scores.Count);
}
