
namespace Vigil.Core.Tests;

public sealed class SeverityTests
{
    [Theory]
    [InlineData(9.8, Severity.Critical)]
    [InlineData(9.0, Severity.Critical)]
    [InlineData(8.9, Severity.High)]
    [InlineData(7.0, Severity.High)]
    [InlineData(5.3, Severity.Medium)]
    [InlineData(0.1, Severity.Low)]
    [InlineData(0.0, Severity.Unknown)]
    public void FromCvssScore_UsesQualitativeScale(double score, Severity expected)
    {
        Assert.Equal(expected, SeverityExtensions.FromCvssScore(score));
    }

    [Theory]
    [InlineData("moderate", Severity.Medium)]
    [InlineData("IMPORTANT", Severity.High)]
    [InlineData("critical", Severity.Critical)]
    public void TryParse_AcceptsAdvisoryWords(string word, Severity expected)
    {
        Assert.True(SeverityExtensions.TryParse(word, out var severity));
        Assert.Equal(expected, severity);
    }

    [Fact]
    public void TryParse_RejectsUnknownWords()
    {
        Assert.False(SeverityExtensions.TryParse("catastrophic", out var severity));
        Assert.Equal(Severity.Unknown, severity);
    }
}
