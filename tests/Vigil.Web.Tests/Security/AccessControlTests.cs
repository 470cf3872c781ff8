using System.Net;
using System.Net.Http.Headers;

namespace Vigil.Web.Tests.Security;

public sealed class TokenProtectedApp : SeededWebApp
{
    public const string Token = "s3cret-token-for-tests-0123456789";

    protected override Action<VigilWebOptions>? Configure => o => o.BearerToken = Token;
}

public sealed class TrustedProxyApp : SeededWebApp
{
    protected override Action<VigilWebOptions>? Configure => o => o.TrustedProxies.Add("127.0.0.1");
}

public sealed class UntrustedProxyApp : SeededWebApp
{
    protected override Action<VigilWebOptions>? Configure => o => o.TrustedProxies.Add("10.1.2.3");
}

public sealed class BearerTokenTests(TokenProtectedApp app) : IClassFixture<TokenProtectedApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/overview")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/search?q=openssl")]
    public async Task Without_the_token_everything_but_health_is_refused(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TokenProtectedApp.Token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_and_stylesheet_need_no_token()
    {
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/assets/vigil.css", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("")]
    [InlineData(TokenProtectedApp.Token + "x")]
    [InlineData("s3cret")]
    public async Task A_wrong_token_is_refused(string token)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync(new Uri("/api/v1/overview", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_right_bearer_token_is_let_in()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenProtectedApp.Token);

        using var response = await client.GetAsync(new Uri("/api/v1/overview", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Signing_in_sets_a_cookie_that_does_not_hold_the_token_and_lets_the_browser_in()
    {
        using var client = app.CreateClient();

        using var login = await client.PostAsync(
            new Uri("/login", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = TokenProtectedApp.Token, ["returnUrl"] = "/namespaces" }));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/namespaces", login.Headers.Location?.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.DoesNotContain(TokenProtectedApp.Token, cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/namespaces");
        page.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var response = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Sign_in_never_redirects_off_site(string returnUrl)
    {
        using var client = app.CreateClient();

        using var login = await client.PostAsync(
            new Uri("/login", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = TokenProtectedApp.Token, ["returnUrl"] = returnUrl }));

        Assert.Equal("/", login.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_sign_in_gets_the_form_again()
    {
        using var client = app.CreateClient();

        using var login = await client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "nope" }));

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
        Assert.Contains("not right", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class TrustedProxyTests(TrustedProxyApp app) : IClassFixture<TrustedProxyApp>
{
    [Theory]
    [InlineData("X-Forwarded-User", "alice")]
    [InlineData("X-Auth-Request-Email", "alice@example.com")]
    public async Task A_user_header_from_the_trusted_proxy_is_let_in(string header, string user)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(header, user);

        using var response = await client.GetAsync(new Uri("/api/v1/overview", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_trusted_proxy_without_a_user_header_is_refused()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/overview", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class UntrustedProxyTests(UntrustedProxyApp app) : IClassFixture<UntrustedProxyApp>
{
    [Fact]
    public async Task User_headers_from_anywhere_else_are_ignored()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-User", "mallory");

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("sign-in proxy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
