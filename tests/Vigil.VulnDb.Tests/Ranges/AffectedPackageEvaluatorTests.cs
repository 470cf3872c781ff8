using System.Text.Json;
using Vigil.Core;
using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Ranges;

namespace Vigil.VulnDb.Tests.Ranges;

public sealed class AffectedPackageEvaluatorTests
{
    [Theory]
    [InlineData("0.9.0", true, "1.0.0")]
    [InlineData("1.0.0", false, null)]
    [InlineData("1.5.0", false, null)]
    [InlineData("2.0.0", true, "2.5.0")]
    [InlineData("2.4.9", true, "2.5.0")]
    [InlineData("2.5.0", false, null)]
    [InlineData("3.0.0-rc.1", false, null)]
    public void Introduced_and_fixed_pairs_make_intervals(string version, bool affected, string? fix)
    {
        var evaluator = Evaluator("npm", "SEMVER", "introduced:0", "fixed:1.0.0", "introduced:2.0.0", "fixed:2.5.0");
        Assert.Equal(new RangeMatch(affected, fix), evaluator.Evaluate(version));
    }

    [Theory]
    [InlineData("1.2.0", true)]
    [InlineData("1.3.0", true)]
    [InlineData("1.3.1", false)]
    [InlineData("1.1.9", false)]
    public void Last_affected_includes_its_version(string version, bool affected)
    {
        var evaluator = Evaluator("crates.io", "SEMVER", "introduced:1.2.0", "last_affected:1.3.0");
        var result = evaluator.Evaluate(version);
        Assert.Equal(affected, result.IsAffected);
        Assert.Null(result.FixedVersion);
    }

    [Theory]
    [InlineData("1.9.9", true)]
    [InlineData("2.0.0", false)]
    [InlineData("5.0.0", false)]
    public void Limit_bounds_an_open_range(string version, bool affected) =>
        Assert.Equal(affected, Evaluator("Go", "SEMVER", "introduced:1.0.0", "limit:2.0.0").Evaluate(version).IsAffected);

    [Fact]
    public void Limit_star_bounds_nothing() =>
        Assert.True(Evaluator("Go", "SEMVER", "introduced:1.0.0", "limit:*").Evaluate("99.0.0").IsAffected);

    [Fact]
    public void Events_are_evaluated_in_version_order_not_written_order()
    {
        var evaluator = Evaluator("npm", "SEMVER", "fixed:2.5.0", "introduced:2.0.0", "fixed:1.0.0", "introduced:0");
        Assert.True(evaluator.Evaluate("0.5.0").IsAffected);
        Assert.False(evaluator.Evaluate("1.5.0").IsAffected);
        Assert.Equal("2.5.0", evaluator.Evaluate("2.1.0").FixedVersion);
    }

    [Fact]
    public void Explicit_versions_match_without_ranges()
    {
        var affected = Affected("PyPI", [], versions: ["1.0", "1.1"]);
        var evaluator = new AffectedPackageEvaluator(affected, Ecosystem.PyPI);
        Assert.True(evaluator.Evaluate("1.1").IsAffected);
        Assert.False(evaluator.Evaluate("1.2").IsAffected);
    }

    [Fact]
    public void Git_ranges_are_ignored_for_packages()
    {
        var affected = Affected("PyPI", [("GIT", ["introduced:0", "fixed:0123456789012345678901234567890123456789"])]);
        Assert.False(new AffectedPackageEvaluator(affected, Ecosystem.PyPI).Evaluate("1.0").IsAffected);
    }

    [Theory]
    [InlineData("1:2.0-1", true)]
    [InlineData("2.9-1", true)] // no epoch sorts below epoch 1
    [InlineData("1:2.36-9+deb12u4", false)]
    [InlineData("1:2.36-9+deb12u3", true)]
    [InlineData("1:2.36-9+deb12u3~bpo1", true)]
    public void Ecosystem_ranges_use_the_ecosystem_scheme(string version, bool affected) =>
        Assert.Equal(affected, Evaluator("Debian:12", "ECOSYSTEM", "introduced:0", "fixed:1:2.36-9+deb12u4").Evaluate(version).IsAffected);

    [Fact]
    public void Invalid_event_versions_drop_the_range_with_a_problem()
    {
        var evaluator = Evaluator("npm", "SEMVER", "introduced:not-a-version", "fixed:1.0.0");
        Assert.False(evaluator.Evaluate("0.5.0").IsAffected);
        Assert.Single(evaluator.Problems);
    }

    [Fact]
    public void Invalid_installed_versions_are_not_affected_by_ranges()
    {
        var evaluator = Evaluator("npm", "SEMVER", "introduced:0", "fixed:1.0.0");
        Assert.False(evaluator.Evaluate("banana").IsAffected);
        Assert.False(evaluator.IsValidVersion("banana"));
    }

    [Fact]
    public void Fixed_version_is_the_lowest_fix_above_the_installed_version_over_several_ranges()
    {
        var affected = Affected("npm", [("SEMVER", ["introduced:0", "fixed:1.4.0"]), ("SEMVER", ["introduced:1.0.0", "fixed:1.2.0"])]);
        var result = new AffectedPackageEvaluator(affected, Ecosystem.Npm).Evaluate("1.1.0");
        Assert.Equal(new RangeMatch(true, "1.2.0"), result);
    }

    private static AffectedPackageEvaluator Evaluator(string ecosystem, string type, params string[] events) =>
        new(Affected(ecosystem, [(type, events)]), Ecosystem.Parse(ecosystem));

    private static OsvAffected Affected(string ecosystem, (string Type, string[] Events)[] ranges, string[]? versions = null)
    {
        var node = OsvJson.Affected(ecosystem, "pkg", "ECOSYSTEM", ["introduced:0"], versions);
        node["ranges"] = new System.Text.Json.Nodes.JsonArray(ranges.Select(r => (System.Text.Json.Nodes.JsonNode)OsvJson.Affected(ecosystem, "pkg", r.Type, r.Events)["ranges"]![0]!.DeepClone()).ToArray());
        var record = JsonSerializer.Deserialize<OsvRecord>(
            "{\"id\":\"X\",\"affected\":[" + node.ToJsonString() + "]}",
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
        return record.Affected![0];
    }
}
