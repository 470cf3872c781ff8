using System.Text;
using Vigil.Gates.RegistryWebhook;
using static Vigil.Gates.Tests.TestFindings;

namespace Vigil.Gates.Tests.RegistryWebhook;

public sealed class EventParserTests
{
    private static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "RegistryWebhook", "testdata", name));

    [Fact]
    public void Distribution_envelope_yields_manifest_pushes_only()
    {
        var result = DistributionEventParser.Parse(Load("distribution-envelope.json"), null);

        Assert.True(result.IsValid);
        Assert.Equal(2, result.Skipped);
        var push = Assert.Single(result.Events);
        Assert.Equal(PushEventSource.Distribution, push.Source);
        Assert.Equal("127.0.0.1:5000", push.Registry);
        Assert.Equal("team/app", push.Repository);
        Assert.Equal(DigestA, push.Digest);
        Assert.Equal("1.0", push.Tag);
        Assert.Equal("distribution:6b2a91ac-7e3c-4c59-a0a8-1f9f0d9a2a44", push.Key);
        Assert.Equal($"127.0.0.1:5000/team/app@{DigestA}", push.ImageReference);
    }

    [Fact]
    public void Harbor_push_artifact_is_read()
    {
        var result = HarborEventParser.Parse(Load("harbor-push-artifact.json"), null);

        var push = Assert.Single(result.Events);
        Assert.Equal(("harbor.example.com", "team/app", "1.0"), (push.Registry, push.Repository, push.Tag));
        Assert.Equal(DigestA, push.Digest);
    }

    [Fact]
    public void Harbor_other_event_types_are_skipped()
    {
        var result = HarborEventParser.Parse("""{"type":"PULL_ARTIFACT","event_data":{}}"""u8.ToArray(), null);

        Assert.True(result.IsValid);
        Assert.Empty(result.Events);
        Assert.Equal(1, result.Skipped);
    }

    [Fact]
    public void Acr_quarantine_event_is_read()
    {
        var result = AcrEventParser.Parse(Load("acr-quarantine.json"), null);

        var push = Assert.Single(result.Events);
        Assert.Equal(PushEventSource.Acr, push.Source);
        Assert.Equal("myregistry.azurecr.io", push.Registry);
        Assert.Equal("acr:cb8c3971-9adc-488b-bdd8-43cbb4974ff5", push.Key);
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("{\"events\": 5}", "'events' array")]
    [InlineData("[1,2]", "'events' array")]
    [InlineData("{\"events\": [1]}", "not an object")]
    [InlineData("{\"events\": [{\"action\":\"push\"}]}", "lacks 'action' or 'target'")]
    [InlineData("{\"events\": [{\"action\":\"push\",\"target\":{\"repository\":\"a\",\"digest\":\"sha256:xyz\"}}]}", "valid digest")]
    [InlineData("{\"events\": [{\"action\":\"push\",\"target\":{\"repository\":\"a\",\"digest\":\"sha256:84127d9feb9345703f2ea1ce0c14f6dfb935b8b04816230d160f03922c94ff31\"}}]}", "lacks request.host")]
    public void Malformed_distribution_bodies_are_refused_with_a_reason(string body, string reason)
    {
        var result = DistributionEventParser.Parse(Encoding.UTF8.GetBytes(body), null);

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_json_is_refused()
    {
        var body = "{\"events\":" + new string('[', 1000) + new string(']', 1000) + "}";

        Assert.Equal("the body is not JSON", DistributionEventParser.Parse(Encoding.UTF8.GetBytes(body), null).Error);
    }

    [Fact]
    public void Event_without_id_is_keyed_by_its_content_so_replays_match()
    {
        var body = """{"events":[{"action":"push","target":{"mediaType":"application/vnd.oci.image.manifest.v1+json","repository":"a/b","digest":"DIGEST","tag":"v1"}}]}""".Replace("DIGEST", DigestA.ToString(), StringComparison.Ordinal);

        var first = DistributionEventParser.Parse(Encoding.UTF8.GetBytes(body), "reg.local").Events[0];
        var second = DistributionEventParser.Parse(Encoding.UTF8.GetBytes(body), "reg.local").Events[0];

        Assert.Equal(first.Key, second.Key);
        Assert.Equal("reg.local", first.Registry);
    }
}
