using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Vigil.Gates.RegistryWebhook;

namespace Vigil.Gates.Tests.RegistryWebhook;

public sealed class WebhookAuthenticatorTests
{
    private static readonly byte[] Body = """{"events":[]}"""u8.ToArray();

    private static WebhookAuthenticator Create(string? token = "s3cret-token", string? hmac = null) =>
        new(Options.Create(new RegistryWebhookOptions { BearerToken = token, HmacSecret = hmac }));

    [Theory]
    [InlineData("Bearer s3cret-token", true)]
    [InlineData("bearer s3cret-token", true)]
    [InlineData("Bearer s3cret-tokeN", false)]
    [InlineData("Bearer s3cret-token-longer", false)]
    [InlineData("Basic s3cret-token", false)]
    [InlineData("Bearer ", false)]
    [InlineData("", false)]
    public void Bearer_token_must_match_exactly(string authorization, bool expected)
    {
        var headers = new HeaderDictionary { ["Authorization"] = authorization };

        Assert.Equal(expected, Create().IsAuthentic(headers, Body));
    }

    [Fact]
    public void Hmac_signature_of_the_body_is_accepted_and_a_changed_body_is_not()
    {
        var auth = Create(token: null, hmac: "hmac-key");
        var headers = new HeaderDictionary { ["X-Vigil-Signature-256"] = WebhookAuthenticator.Sign("hmac-key", Body) };

        Assert.True(auth.IsAuthentic(headers, Body));
        Assert.False(auth.IsAuthentic(headers, """{"events":[1]}"""u8));
    }

    [Theory]
    [InlineData("sha256=zz")]
    [InlineData("sha256=zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    public void Garbage_signatures_are_refused(string signature)
    {
        var headers = new HeaderDictionary { ["X-Vigil-Signature-256"] = signature };

        Assert.False(Create(token: null, hmac: "hmac-key").IsAuthentic(headers, Body));
    }

    [Fact]
    public void Gate_without_any_secret_refuses_to_start()
    {
        Assert.Throws<InvalidOperationException>(() => Create(token: null, hmac: null));
    }
}
