using System.Diagnostics;
using Vigil.Core.Images;
using Vigil.Oci.Auth;
using Vigil.Oci.Layers;
using Vigil.Oci.Registry;
using Vigil.Oci.Tests.Support;

namespace Vigil.Oci.Tests.Registry;

/// <summary>Token flow, redirects, retries and error mapping against a scripted registry on loopback.</summary>
public sealed class RegistryProtocolTests
{
    [Fact]
    public async Task Bearer_token_flow_with_credentials_and_redirect_without_them()
    {
        await using var registry = FakeRegistry.Build(o => o with { RequireToken = true, TokenCredentials = ("robot", "pw-123"), RedirectBlobs = true });
        var resolver = OciServices.Resolver();

        await using var source = await resolver.OpenRegistryAsync(ImageReference.Parse(registry.Reference), new RegistryCredential("robot", "pw-123"));
        var visitor = new RecordingVisitor(_ => true);
        await LayeredImageReader.Create().ReadAsync(source, visitor);

        Assert.Equal("ID=fake\n", visitor.ContentOf("/etc/os-release", 0));
        var tokenRequest = registry.Server.Requests.First(r => r.PathAndQuery.StartsWith("/token", StringComparison.Ordinal));
        Assert.Contains("service=fake-registry", tokenRequest.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("scope=repository%3Ateam%2Fapp%3Apull", tokenRequest.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("Basic ", tokenRequest.Authorization, StringComparison.Ordinal);
        Assert.Contains(registry.Server.Requests, r => r.Authorization == $"Bearer {FakeRegistry.Token}");
        Assert.Equal(2, registry.Storage.Requests.Count);
        Assert.All(registry.Storage.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task Anonymous_token_flow_sends_no_credentials()
    {
        await using var registry = FakeRegistry.Build(o => o with { RequireToken = true });

        await using var source = await OciServices.Resolver().OpenAsync(registry.Reference);

        Assert.Equal(registry.ManifestDigest, source.Artifact.ManifestDigest);
        Assert.Null(registry.Server.Requests.First(r => r.PathAndQuery.StartsWith("/token", StringComparison.Ordinal)).Authorization);
    }

    [Fact]
    public async Task A_refused_token_is_an_unauthorized_error_naming_the_user()
    {
        await using var registry = FakeRegistry.Build(o => o with { RequireToken = true, TokenCredentials = ("robot", "right") });

        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            OciServices.Resolver().OpenRegistryAsync(ImageReference.Parse(registry.Reference), new RegistryCredential("robot", "wrong")));

        Assert.Equal(RegistryErrorKind.Unauthorized, error.Kind);
        Assert.Contains("user 'robot'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_5xx_until_success()
    {
        await using var registry = FakeRegistry.Build(o => o with { Fail = (n, c) => n <= 2 ? Respond(c, 503) : Task.FromResult(false) });

        await using var source = await OciServices.Resolver().OpenAsync(registry.Reference);

        Assert.Equal(registry.ManifestDigest, source.Artifact.ManifestDigest);
        Assert.True(registry.Server.Requests.Count >= 4);
    }

    [Fact]
    public async Task Honours_retry_after_on_429()
    {
        await using var registry = FakeRegistry.Build(o => o with
        {
            Fail = (n, c) =>
            {
                if (n != 1)
                {
                    return Task.FromResult(false);
                }

                c.Response.AddHeader("Retry-After", "1");
                return Respond(c, 429);
            },
        });
        var watch = Stopwatch.StartNew();

        await using var source = await OciServices.Resolver().OpenAsync(registry.Reference);

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited only {watch.Elapsed}");
        Assert.Equal(registry.ManifestDigest, source.Artifact.ManifestDigest);
    }

    [Fact]
    public async Task Gives_up_after_the_configured_attempts_with_a_clear_error()
    {
        await using var registry = FakeRegistry.Build(o => o with { Fail = (_, c) => Respond(c, 500) });

        var error = await Assert.ThrowsAsync<RegistryException>(() => OciServices.Resolver(o => o.MaxAttempts = 3).OpenAsync(registry.Reference));

        Assert.Equal(RegistryErrorKind.Unavailable, error.Kind);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, registry.Server.Requests.Count);
    }

    [Fact]
    public async Task Forbidden_names_the_repository_and_the_missing_access()
    {
        await using var registry = FakeRegistry.Build(o => o with
        {
            Fail = (_, c) => Respond(c, 403, """{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}"""),
        });

        var error = await Assert.ThrowsAsync<RegistryException>(() => OciServices.Resolver().OpenAsync(registry.Reference));

        Assert.Equal(RegistryErrorKind.Forbidden, error.Kind);
        Assert.Contains("repository 'team/app'", error.Message, StringComparison.Ordinal);
        Assert.Contains("anonymous access", error.Message, StringComparison.Ordinal);
        Assert.Contains("DENIED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_registry_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => OciServices.Resolver(o => o.MaxAttempts = 1).OpenAsync("127.0.0.1:1/team/app:1"));

        Assert.Equal(RegistryErrorKind.Unavailable, error.Kind);
        Assert.Contains("cannot be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_whose_digest_header_lies_is_rejected()
    {
        await using var registry = FakeRegistry.Build(o => o with { LieAboutDigest = true });

        var error = await Assert.ThrowsAsync<Vigil.Oci.Streams.DigestMismatchException>(() => OciServices.Resolver().OpenAsync(registry.Reference));

        Assert.Contains("sha256:" + new string('0', 64), error.Message, StringComparison.Ordinal);
        Assert.Contains(registry.ManifestDigest.ToString(), error.Message, StringComparison.Ordinal);
    }

    private static async Task<bool> Respond(System.Net.HttpListenerContext context, int status, string? body = null)
    {
        await LoopbackHttpServer.WriteAsync(context, status, body is null ? null : System.Text.Encoding.UTF8.GetBytes(body), "application/json");
        return true;
    }
}
