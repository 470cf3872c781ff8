using System.Text;
using Vigil.Core;
using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Ratings;

namespace Vigil.VulnDb.Tests.Ratings;

public sealed class SeverityResolverTests
{
    private const string Cvss31Critical = "{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}";

    [Fact]
    public void Debian_urgency_wins_for_os_packages_but_not_yet_assigned_falls_through()
    {
        var low = Resolve($"\"severity\":[{Cvss31Critical}]", "\"ecosystem_specific\":{\"urgency\":\"low\"}", isDistribution: true);
        Assert.Equal((Severity.Low, "distribution", 9.8), (low.Severity, low.Source, low.CvssScore!.Value));

        var unassigned = Resolve($"\"severity\":[{Cvss31Critical}]", "\"ecosystem_specific\":{\"urgency\":\"not yet assigned\"}", isDistribution: true);
        Assert.Equal((Severity.Critical, "cvss"), (unassigned.Severity, unassigned.Source));
    }

    [Fact]
    public void Distribution_ratings_are_ignored_for_language_packages()
    {
        var result = Resolve($"\"severity\":[{Cvss31Critical}]", "\"ecosystem_specific\":{\"severity\":\"low\"}", isDistribution: false);
        Assert.Equal(Severity.Critical, result.Severity);
    }

    [Fact]
    public void Per_package_cvss_wins_over_the_record_level_vector()
    {
        var result = Resolve($"\"severity\":[{Cvss31Critical}]", "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N\"}]", isDistribution: false);
        Assert.Equal((Severity.Low, 3.1), (result.Severity, result.CvssScore!.Value));
    }

    [Fact]
    public void Unparsable_vectors_fall_back_to_the_database_label_then_unknown()
    {
        var label = Resolve("\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"garbage\"}],\"database_specific\":{\"severity\":\"HIGH\"}", null, isDistribution: false);
        Assert.Equal((Severity.High, "database"), (label.Severity, label.Source));
        Assert.Equal(SeverityAssessment.None, Resolve("\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"garbage\"}]", null, isDistribution: false));
    }

    private static SeverityAssessment Resolve(string recordFields, string? affectedFields, bool isDistribution)
    {
        var affected = "{\"package\":{\"ecosystem\":\"Debian:12\",\"name\":\"p\"}" + (affectedFields is null ? string.Empty : "," + affectedFields) + "}";
        var json = "{\"id\":\"X\",\"modified\":\"2024-01-01T00:00:00Z\"," + recordFields + ",\"affected\":[" + affected + "]}";
        var record = OsvRecordParser.Parse(Encoding.UTF8.GetBytes(json)).Record!;
        return SeverityResolver.Resolve(record, record.Affected![0], isDistribution);
    }
}
