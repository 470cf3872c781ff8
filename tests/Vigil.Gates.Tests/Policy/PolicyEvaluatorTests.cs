using Microsoft.Extensions.Time.Testing;
using Vigil.Core;
using Vigil.Gates.Policy;
using static Vigil.Gates.Tests.TestFindings;

namespace Vigil.Gates.Tests.Policy;

public sealed class PolicyEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly PolicyEvaluator evaluator = new(new FakeTimeProvider(Now));
    private readonly PolicySubject subject = new("registry.example.com/team/app:1.0") { Namespace = "shop", Labels = new Dictionary<string, string> { ["team"] = "payments" } };

    [Fact]
    public void Findings_above_max_severity_block_and_the_message_names_each_id_and_fix()
    {
        var scan = Scan(DigestA, Now, Create("CVE-2024-1", Severity.High, "3.0.2"), Create("CVE-2024-2", Severity.Critical, null, "zlib"), Create("CVE-2024-3", Severity.Low));

        var verdict = evaluator.Evaluate(GatePolicy.Default, subject, scan);

        Assert.Equal(VerdictDecision.Denied, verdict.Decision);
        Assert.Equal(["CVE-2024-1", "CVE-2024-2"], verdict.Blocking.Select(b => b.Finding.Id));
        var low = Assert.Single(verdict.NotBlocking);
        Assert.Equal(NonBlockingReason.BelowThreshold, low.Reason);
        Assert.Equal("LOW is within maxSeverity MEDIUM", low.Explanation);
        Assert.Equal(
            $"Vigil denied image registry.example.com/team/app:1.0@{DigestA}: 2 vulnerabilities: CVE-2024-1 in openssl 1.0.0 (HIGH, fixed in 3.0.2); CVE-2024-2 in zlib 1.0.0 (CRITICAL, no fix yet).",
            verdict.Describe());
    }

    [Fact]
    public void Clean_image_is_allowed_without_notes()
    {
        var verdict = evaluator.Evaluate(GatePolicy.Default, subject, Scan(DigestA, Now, Create("CVE-1", Severity.Medium)));

        Assert.Equal(VerdictDecision.Allowed, verdict.Decision);
        Assert.Empty(verdict.Notes);
        Assert.True(verdict.IsAllowed);
    }

    [Fact]
    public void Unknown_severity_never_blocks()
    {
        var verdict = evaluator.Evaluate(GatePolicy.Default with { MaxSeverity = Severity.Low }, subject, Scan(DigestA, Now, Create("CVE-1", Severity.Unknown)));

        Assert.Equal(VerdictDecision.Allowed, verdict.Decision);
        Assert.Equal("severity unknown", Assert.Single(verdict.NotBlocking).Explanation);
    }

    [Fact]
    public void Allowed_id_matches_aliases_and_package_until_it_expires()
    {
        var policy = GatePolicy.Default with
        {
            Allow =
            [
                new AllowedVulnerability("GHSA-aaaa") { Reason = "not reachable", Expires = Now.AddDays(1) },
                new AllowedVulnerability("CVE-2024-9") { Package = "zlib" },
                new AllowedVulnerability("CVE-2024-7") { Expires = Now.AddDays(-1) },
            ],
        };
        var scan = Scan(DigestA, Now, Create("CVE-2024-5", Severity.High, aliases: "GHSA-aaaa"), Create("CVE-2024-9", Severity.High), Create("CVE-2024-7", Severity.High));

        var verdict = evaluator.Evaluate(policy, subject, scan);

        Assert.Equal(VerdictDecision.Denied, verdict.Decision);
        Assert.Equal(["CVE-2024-9", "CVE-2024-7"], verdict.Blocking.Select(b => b.Finding.Id));
        var allowed = Assert.Single(verdict.NotBlocking);
        Assert.Equal(NonBlockingReason.Allowed, allowed.Reason);
        Assert.Equal("allowed by policy until 2026-06-02 12:00 UTC: not reachable", allowed.Explanation);
        Assert.Contains("The allow entry for CVE-2024-7 expired on 2026-05-31", verdict.Notes);
    }

    [Fact]
    public void Ignore_unfixed_lets_findings_without_fix_through()
    {
        var policy = GatePolicy.Default with { IgnoreUnfixed = true };

        var verdict = evaluator.Evaluate(policy, subject, Scan(DigestA, Now, Create("CVE-1", Severity.Critical, fixedVersion: null)));

        Assert.Equal(VerdictDecision.Allowed, verdict.Decision);
        Assert.Equal(NonBlockingReason.Unfixed, Assert.Single(verdict.NotBlocking).Reason);
    }

    [Fact]
    public void New_advisories_inside_the_grace_period_warn_unless_severe_enough()
    {
        var policy = GatePolicy.Default with { GracePeriod = new GracePeriod(TimeSpan.FromDays(3)) { StillBlockAtOrAbove = Severity.Critical } };
        var fresh = Create("CVE-NEW", Severity.High, published: Now.AddHours(-5));
        var old = Create("CVE-OLD", Severity.High, published: Now.AddDays(-4));
        var freshCritical = Create("CVE-NEW-CRIT", Severity.Critical, published: Now.AddHours(-1));

        var warned = evaluator.Evaluate(policy, subject, Scan(DigestA, Now, fresh));
        var denied = evaluator.Evaluate(policy, subject, Scan(DigestA, Now, fresh, old, freshCritical));

        Assert.Equal(VerdictDecision.Warned, warned.Decision);
        var grace = Assert.Single(warned.NotBlocking);
        Assert.Equal(NonBlockingReason.InGracePeriod, grace.Reason);
        Assert.Equal("published 2026-06-01 07:00 UTC, blocks from 2026-06-04 07:00 UTC", grace.Explanation);
        Assert.Equal(VerdictDecision.Denied, denied.Decision);
        Assert.Equal(["CVE-OLD", "CVE-NEW-CRIT"], denied.Blocking.Select(b => b.Finding.Id));
    }

    [Fact]
    public void Report_older_than_max_age_makes_the_image_unknown()
    {
        var policy = GatePolicy.Default with { MaxReportAge = TimeSpan.FromHours(24) };

        var verdict = evaluator.Evaluate(policy, subject, Scan(DigestA, Now.AddHours(-30)));

        Assert.Equal(VerdictDecision.Denied, verdict.Decision);
        Assert.Equal("its scan report is 30h old, older than maxReportAge 1d", verdict.UnknownReason);
        Assert.Contains("unknownImage: deny", verdict.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_image_follows_unknown_image_setting()
    {
        var denied = evaluator.Evaluate(GatePolicy.Default, subject, null, "no time left to scan it");
        var allowed = evaluator.Evaluate(GatePolicy.Default with { UnknownImage = UnknownImageAction.Allow }, subject, null, "no time left to scan it");

        Assert.Equal(VerdictDecision.Denied, denied.Decision);
        Assert.StartsWith("Vigil denied image registry.example.com/team/app:1.0: no time left to scan it.", denied.Describe(), StringComparison.Ordinal);
        Assert.Equal(VerdictDecision.Warned, allowed.Decision);
    }

    [Fact]
    public void Audit_mode_turns_denial_into_warning()
    {
        var verdict = evaluator.Evaluate(GatePolicy.Default with { Mode = PolicyMode.Audit }, subject, Scan(DigestA, Now, Create("CVE-1", Severity.Critical)));

        Assert.Equal(VerdictDecision.Warned, verdict.Decision);
        Assert.Single(verdict.Blocking);
        Assert.Contains("would be blocked by 1 vulnerability: CVE-1", verdict.Describe(), StringComparison.Ordinal);
        Assert.Contains("Audit mode: not blocked", verdict.Notes);
    }

    [Theory]
    [InlineData("sh*", null, null, true)]
    [InlineData("other", null, null, false)]
    [InlineData(null, "payments", null, true)]
    [InlineData(null, "billing", null, false)]
    [InlineData(null, null, "registry.example.com/team/*", true)]
    [InlineData(null, null, "registry.example.com/*", false)]
    [InlineData(null, null, "registry.example.com/**", true)]
    [InlineData("shop", "payments", "registry.example.com/other/**", false)]
    public void Exemptions_need_every_condition_to_match(string? ns, string? team, string? image, bool exempted)
    {
        var policy = GatePolicy.Default with
        {
            Exemptions = [new PolicyExemption { Namespace = ns, Image = image, Labels = team is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["team"] = team } }],
        };

        var verdict = evaluator.Evaluate(policy, subject, Scan(DigestA, Now, Create("CVE-1", Severity.Critical)));

        Assert.Equal(exempted ? VerdictDecision.Warned : VerdictDecision.Denied, verdict.Decision);
        Assert.Equal(exempted, verdict.NotBlocking.Any(n => n.Reason == NonBlockingReason.Exempted));
    }

    [Fact]
    public void Expired_exemption_does_not_apply_and_says_so()
    {
        var policy = GatePolicy.Default with { Exemptions = [new PolicyExemption { Namespace = "shop", Expires = Now.AddMinutes(-1) }] };

        var verdict = evaluator.Evaluate(policy, subject, Scan(DigestA, Now, Create("CVE-1", Severity.Critical)));

        Assert.Equal(VerdictDecision.Denied, verdict.Decision);
        Assert.Contains(verdict.Notes, n => n.Contains("expired on 2026-06-01", StringComparison.Ordinal));
    }

    [Fact]
    public void Exempted_workload_runs_unknown_images()
    {
        var policy = GatePolicy.Default with { Exemptions = [new PolicyExemption { Namespace = "shop", Reason = "legacy" }] };

        var verdict = evaluator.Evaluate(policy, subject, null);

        Assert.Equal(VerdictDecision.Warned, verdict.Decision);
        Assert.Contains(verdict.Notes, n => n.Contains("exempted (namespace shop; legacy)", StringComparison.Ordinal));
    }
}
