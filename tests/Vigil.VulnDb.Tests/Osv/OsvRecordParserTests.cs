using System.Text;
using Vigil.VulnDb.Osv;

namespace Vigil.VulnDb.Tests.Osv;

public sealed class OsvRecordParserTests
{
    [Fact]
    public void A_valid_record_has_no_problems()
    {
        var result = Parse(OsvJson.Record("GHSA-1", "npm", "a", "SEMVER", ["introduced:0", "fixed:1.0.0", "limit:*"]));
        Assert.False(result.IsMalformed);
        Assert.Equal("GHSA-1", result.Record!.Id);
    }

    [Theory]
    [InlineData("GIT", "fixed:b27f38a67573f4c989710c9bfb726dd4c1eeb929.patch", "not a full commit hash")] // as in PYSEC-2017-27
    [InlineData("GIT", "fixed:4e7d0df9093", "not a full commit hash")] // abbreviated, as in PYSEC-2019-155
    [InlineData("SEMVER", "fixed:", "empty version")]
    [InlineData("RANGE", "fixed:1", "unknown range type")]
    public void Invalid_ranges_are_dropped_and_reported(string type, string @event, string problem)
    {
        var json = OsvJson.Record("X-1", "PyPI", "p", type, ["introduced:0", @event]);
        if (type == "GIT")
        {
            json = json.Replace("\"type\":\"GIT\"", "\"type\":\"GIT\",\"repo\":\"https://example.invalid/r\"", StringComparison.Ordinal);
        }

        var result = Parse(json);

        Assert.Contains(result.Problems, p => p.Contains(problem, StringComparison.Ordinal));
        Assert.Empty(result.Record!.Affected![0].Ranges!);
    }

    [Fact]
    public void A_git_range_with_full_hashes_is_valid()
    {
        var json = OsvJson.Record("X-1", "PyPI", "p", "GIT", ["introduced:0", "fixed:b27f38a67573f4c989710c9bfb726dd4c1eeb929"])
            .Replace("\"type\":\"GIT\"", "\"type\":\"GIT\",\"repo\":\"https://example.invalid/r\"", StringComparison.Ordinal);
        Assert.False(Parse(json).IsMalformed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"id\":12}")]
    [InlineData("{\"id\":\"\"}")]
    [InlineData("{\"id\":\"X\",\"modified\":\"yesterday\"}")]
    [InlineData("{\"id\":\"X\",\"affected\":{}}")]
    public void Hostile_documents_are_reported_not_thrown(string json)
    {
        var result = Parse(json);
        Assert.Null(result.Record);
        Assert.NotEmpty(result.Problems);
    }

    [Fact]
    public void Missing_modified_is_reported_but_the_record_is_kept()
    {
        var result = Parse(OsvJson.Record("X-1", "npm", "a", modified: null));
        Assert.Contains(result.Problems, p => p.Contains("modified", StringComparison.Ordinal));
        Assert.NotNull(result.Record);
    }

    private static OsvParseResult Parse(string json) => OsvRecordParser.Parse(Encoding.UTF8.GetBytes(json));
}
