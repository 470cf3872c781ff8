using Vigil.Core;
using Vigil.VulnDb.Cvss;

namespace Vigil.VulnDb.Tests.Cvss;

public sealed class CvssV3Tests
{
    // Examples from the FIRST CVSS v3.1 "Examples" document.
    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1)] // CVE-2013-1937 phpMyAdmin XSS
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4)] // CVE-2013-0375 MySQL
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1)] // CVE-2014-3566 POODLE
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9)] // CVE-2012-1516 VMware
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", 4.2)] // CVE-2009-0783 Tomcat
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8)] // CVE-2012-0384 Cisco IOS
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8)] // CVE-2015-1098 iWork
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5)] // CVE-2014-0160 Heartbleed
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)] // CVE-2014-6271 Shellshock
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N", 6.8)] // CVE-2008-1447 DNS
    [InlineData("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8)] // CVE-2014-2005 Sophos
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", 5.8)] // CVE-2010-0467 Joomla
    [InlineData("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H", 9.3)] // CVE-2013-6014 Juniper
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    [InlineData("CVSS:3.0/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H", 5.5)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0)]
    public void Scores_specification_examples(string vector, double expected)
    {
        Assert.True(CvssV3.TryScore(vector, out var score));
        Assert.Equal(expected, score.BaseScore);
    }

    [Fact]
    public void Roundup_of_v3_1_avoids_floating_point_surprises()
    {
        Assert.Equal(4.0, CvssV3.RoundUp31(4.000000000000001));
        Assert.Equal(4.1, CvssV3.RoundUp31(4.02));
        Assert.Equal(4.1, CvssV3.RoundUp30(4.000000000000001));
    }

    [Fact]
    public void Temporal_metrics_do_not_change_the_base_score()
    {
        Assert.True(CvssV3.TryScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C", out var score));
        Assert.Equal(9.8, score.BaseScore);
        Assert.Equal(Severity.Critical, score.Severity);
    }

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")]
    [InlineData("CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    [InlineData("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    public void Rejects_malformed_vectors(string vector) => Assert.False(CvssV3.TryScore(vector, out _));
}
