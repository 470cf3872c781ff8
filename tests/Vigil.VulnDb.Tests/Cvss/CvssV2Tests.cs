using Vigil.VulnDb.Cvss;

namespace Vigil.VulnDb.Tests.Cvss;

public sealed class CvssV2Tests
{
    // Examples from the FIRST CVSS v2 guide, section 3.3.
    [Theory]
    [InlineData("AV:N/AC:L/Au:N/C:N/I:N/A:C", 7.8)] // CVE-2002-0392
    [InlineData("AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0)] // CVE-2003-0818
    [InlineData("AV:L/AC:H/Au:N/C:C/I:C/A:C", 6.2)] // CVE-2003-0062
    [InlineData("(AV:N/AC:L/Au:N/C:P/I:P/A:P)", 7.5)]
    [InlineData("AV:N/AC:M/Au:N/C:N/I:N/A:N", 0.0)]
    public void Scores_guide_examples(string vector, double expected)
    {
        Assert.True(CvssV2.TryScore(vector, out var score));
        Assert.Equal(expected, score.BaseScore);
    }

    [Theory]
    [InlineData("AV:N/AC:L/Au:N/C:N/I:N")]
    [InlineData("AV:X/AC:L/Au:N/C:N/I:N/A:C")]
    [InlineData("garbage")]
    [InlineData("")]
    public void Rejects_malformed_vectors(string vector) => Assert.False(CvssV2.TryScore(vector, out _));
}
