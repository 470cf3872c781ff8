using Vigil.Core;
using Vigil.Gates.Policy;

namespace Vigil.Gates.Tests.Policy;

public sealed class PolicyParserTests
{
    private const string FullPolicy = """
        mode: audit
        maxSeverity: high
        ignoreUnfixed: true
        unknownImage: allow
        maxReportAge: 24h
        gracePeriod:
          duration: 3d
          stillBlock: critical
        allow:
          - CVE-2020-0001
          - id: CVE-2024-1234
            package: openssl
            reason: not reachable from the network
            expires: 2026-12-31
        exemptions:
          - namespace: legacy-*
            labels:
              team: payments
            image: registry.example.com/legacy/**
            reason: migration in progress
            expires: 2027-01-15T12:00:00Z
        """;

    [Fact]
    public void Full_policy_is_read_with_every_field()
    {
        var result = PolicyParser.Parse(FullPolicy);

        Assert.True(result.Success, string.Join("\n", result.Errors));
        var policy = result.Policy;
        Assert.Equal(PolicyMode.Audit, policy.Mode);
        Assert.Equal(Severity.High, policy.MaxSeverity);
        Assert.True(policy.IgnoreUnfixed);
        Assert.Equal(UnknownImageAction.Allow, policy.UnknownImage);
        Assert.Equal(TimeSpan.FromHours(24), policy.MaxReportAge);
        Assert.Equal(TimeSpan.FromDays(3), policy.GracePeriod!.Duration);
        Assert.Equal(Severity.Critical, policy.GracePeriod.StillBlockAtOrAbove);
        Assert.Equal(2, policy.Allow.Count);
        Assert.Equal("CVE-2020-0001", policy.Allow[0].Id);
        Assert.Null(policy.Allow[0].Expires);
        Assert.Equal("openssl", policy.Allow[1].Package);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), policy.Allow[1].Expires);
        var exemption = Assert.Single(policy.Exemptions);
        Assert.Equal("legacy-*", exemption.Namespace);
        Assert.Equal("payments", exemption.Labels["team"]);
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.Zero), exemption.Expires);
    }

    [Fact]
    public void Empty_mapping_gives_the_cautious_defaults()
    {
        var result = PolicyParser.Parse("{}");

        Assert.True(result.Success);
        Assert.Equal(PolicyMode.Enforce, result.Policy.Mode);
        Assert.Equal(Severity.Medium, result.Policy.MaxSeverity);
        Assert.Equal(UnknownImageAction.Deny, result.Policy.UnknownImage);
    }

    [Fact]
    public void Grace_period_may_be_a_plain_duration()
    {
        var result = PolicyParser.Parse("gracePeriod: 1d12h");

        Assert.True(result.Success);
        Assert.Equal(TimeSpan.FromHours(36), result.Policy.GracePeriod!.Duration);
        Assert.Null(result.Policy.GracePeriod.StillBlockAtOrAbove);
    }

    [Fact]
    public void Every_error_is_reported_with_its_line_and_column()
    {
        var result = PolicyParser.Parse("""
            mode: block
            maxSeverity: severe
            maxReportAge: forever
            allow:
              - id: CVE-1
                expires: next tuesday
            """);

        Assert.False(result.Success);
        Assert.Collection(result.Errors,
            e => Assert.Equal((1, 7, "mode 'block' is not known: expected 'enforce' or 'audit'."), (e.Line, e.Column, e.Message)),
            e => Assert.Equal((2, 14), (e.Line, e.Column)),
            e => Assert.Equal((3, 15), (e.Line, e.Column)),
            e => Assert.Equal((6, 14), (e.Line, e.Column)));
        Assert.Contains("line 2, column 14: maxSeverity 'severe' is not a severity", result.Errors[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_key_suggests_the_right_one()
    {
        var result = PolicyParser.Parse("maxSeverty: high\nignoreunfixed: true");

        Assert.Equal(2, result.Errors.Count);
        Assert.Equal("Unknown key 'maxSeverty' (did you mean 'maxSeverity'?).", result.Errors[0].Message);
        Assert.Equal(1, result.Errors[0].Line);
        Assert.Equal("Unknown key 'ignoreunfixed' (did you mean 'ignoreUnfixed'?).", result.Errors[1].Message);
        Assert.Equal(2, result.Errors[1].Line);
    }

    [Fact]
    public void Exemption_without_conditions_is_refused()
    {
        var result = PolicyParser.Parse("exemptions:\n  - reason: everything\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("at least one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_custom_resource_manifest_is_accepted()
    {
        var result = PolicyParser.Parse("""
            apiVersion: vigil.dev/v1alpha1
            kind: VigilPolicy
            metadata:
              name: default
            spec:
              maxSeverity: critical
            """);

        Assert.True(result.Success);
        Assert.Equal(Severity.Critical, result.Policy.MaxSeverity);
    }

    [Fact]
    public void Wrong_kind_is_reported()
    {
        var result = PolicyParser.Parse("apiVersion: v1\nkind: ConfigMap\nspec: {}\n");

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("apiVersion 'v1' is not supported", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("kind 'ConfigMap' is not a policy", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "The policy is empty.")]
    [InlineData("- a\n- b", "must be a mapping")]
    [InlineData("mode: [enforce]", "mode must be a single value, not a list.")]
    [InlineData("allow: CVE-1", "allow must be a list.")]
    [InlineData("mode: enforce\n---\nmode: audit", "one YAML document")]
    [InlineData("mode: \"unterminated", "Not valid YAML")]
    [InlineData("maxSeverity: unknown", "not a severity")]
    [InlineData("ignoreUnfixed: maybe", "not true or false")]
    [InlineData("maxReportAge: -5h", "not a duration")]
    [InlineData("maxReportAge: 99999999999999999999d", "not a duration")]
    [InlineData("gracePeriod: {stillBlock: high}", "needs a 'duration'")]
    [InlineData("{ ? [a, b] : c }", "Keys must be plain words.")]
    public void Hostile_or_wrong_documents_give_a_clear_error(string yaml, string expected)
    {
        var result = PolicyParser.Parse(yaml);

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Alias_bomb_does_not_expand()
    {
        // "Billion laughs": aliases are shared nodes in the representation model and the parser never walks them deeply.
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nallow: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";

        var result = PolicyParser.Parse(yaml);

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Message.StartsWith("Unknown key 'a'", StringComparison.Ordinal));
    }

    [Fact]
    public void Oversized_document_is_refused_before_parsing()
    {
        var result = PolicyParser.Parse("# " + new string('x', PolicyParser.MaxDocumentLength));

        Assert.Contains("limit", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_is_an_error_not_an_exception()
    {
        var result = await PolicyParser.ParseFileAsync("/nonexistent/policy.yaml", CancellationToken.None);

        Assert.Contains("does not exist", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_policy_throws_with_every_error_when_required()
    {
        var result = PolicyParser.Parse("mode: x\nunknownImage: y");

        var e = Assert.Throws<PolicyValidationException>(() => result.GetPolicyOrThrow("policy.yaml"));
        Assert.Equal(2, e.Errors.Count);
        Assert.Contains("policy.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 2, column 15", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("72h", 259200)]
    [InlineData("7d", 604800)]
    [InlineData("2w", 1209600)]
    [InlineData("1d12h", 129600)]
    public void Durations_parse(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("5")]
    [InlineData("5y")]
    [InlineData("1.5h")]
    [InlineData("40000d")]
    public void Bad_durations_do_not_parse(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }
}
