using Vigil.Core;
using Vigil.Reporting.Filtering;

namespace Vigil.Reporting.Tests.Filtering;

public class SeveritySelectionTests
{
    [Theory]
    [InlineData("HIGH,CRITICAL", "CRITICAL,HIGH")]
    [InlineData(">=HIGH", "CRITICAL,HIGH")]
    [InlineData("HIGH+", "CRITICAL,HIGH")]
    [InlineData(" high , critical ", "CRITICAL,HIGH")]
    [InlineData(">=medium", "CRITICAL,HIGH,MEDIUM")]
    [InlineData("LOW+", "CRITICAL,HIGH,MEDIUM,LOW")]
    [InlineData(">=HIGH,UNKNOWN", "CRITICAL,HIGH,UNKNOWN")]
    [InlineData("UNKNOWN+", "CRITICAL,HIGH,MEDIUM,LOW,UNKNOWN")]
    [InlineData("moderate", "MEDIUM")]
    [InlineData("CRITICAL,CRITICAL", "CRITICAL")]
    public void Parses_lists_and_minimums(string text, string expected)
    {
        Assert.True(SeveritySelection.TryParse(text, out var selection, out var error), error);
        Assert.Equal(expected, selection.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ")]
    [InlineData("SEVERE")]
    [InlineData("HIGH,BAD")]
    [InlineData(">=")]
    [InlineData("=>HIGH")]
    [InlineData(null)]
    public void Rejects_bad_input_with_a_reason(string? text)
    {
        Assert.False(SeveritySelection.TryParse(text, out var selection, out var error));
        Assert.Null(selection);
        Assert.False(string.IsNullOrWhiteSpace(error));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => SeveritySelection.Parse(text));
        }
    }

    [Fact]
    public void All_contains_every_severity()
    {
        Assert.True(SeveritySelection.All.IsAll);
        Assert.All(Enum.GetValues<Severity>(), s => Assert.True(SeveritySelection.All.Contains(s)));
        Assert.False(SeveritySelection.AtLeast(Severity.Low).Contains(Severity.Unknown));
    }
}
