using System.Net;
using System.Text;
using Vigil.Core;
using Vigil.Oci.Tests.Support;
using Vigil.Testing.Images;

namespace Vigil.Oci.Tests.Registry;

/// <summary>
/// A scripted registry on loopback for failure modes: serves one image (manifest, config, one layer), optionally behind a
/// Bearer token realm, with blobs redirected to a second "storage" host, and with injectable failures per request.
/// </summary>
internal sealed class FakeRegistry : IAsyncDisposable
{
    public const string Token = "tok-abc-never-logged";
    private readonly byte[] manifest;
    private readonly byte[] config;
    private readonly byte[] layer;

    private FakeRegistry(byte[] manifest, byte[] config, byte[] layer)
    {
        this.manifest = manifest;
        this.config = config;
        this.layer = layer;
        Storage = new LoopbackHttpServer(ServeStorageAsync);
        Server = new LoopbackHttpServer(ServeAsync);
    }

    public LoopbackHttpServer Server { get; }

    public LoopbackHttpServer Storage { get; }

    public Digest ManifestDigest => Digest.Sha256(manifest);

    /// <summary>Require a Bearer token from /token (Basic credentials when set).</summary>
    public bool RequireToken { get; init; }

    public (string User, string Password)? TokenCredentials { get; init; }

    /// <summary>Redirect blob requests to the storage server.</summary>
    public bool RedirectBlobs { get; init; }

    /// <summary>Send a Docker-Content-Digest header that does not match the manifest.</summary>
    public bool LieAboutDigest { get; init; }

    /// <summary>Per request to /v2/…: a failure to return instead of the normal answer, or null.</summary>
    public Func<int, HttpListenerContext, Task<bool>>? Fail { get; init; }

    public string Reference => $"{Server.Address}/team/app:1";

    private int requestCount;

    public static FakeRegistry Build(Func<Options, Options> configure)
    {
        var options = configure(new Options());
        var tar = new TestLayer().File("/etc/os-release", "ID=fake\n").ToTar();
        var layer = Blobs.Gzip(tar);
        var config = Encoding.UTF8.GetBytes("{\"os\":\"linux\",\"architecture\":\"amd64\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digest.Sha256(tar) + "\"]}}");
        var manifest = Encoding.UTF8.GetBytes(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + $"\"config\":{{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"{Digest.Sha256(config)}\",\"size\":{config.Length}}},"
            + $"\"layers\":[{{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"{Digest.Sha256(layer)}\",\"size\":{layer.Length}}}]}}");
        return new FakeRegistry(manifest, config, layer)
        {
            RequireToken = options.RequireToken,
            TokenCredentials = options.TokenCredentials,
            RedirectBlobs = options.RedirectBlobs,
            LieAboutDigest = options.LieAboutDigest,
            Fail = options.Fail,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Storage.DisposeAsync();
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        if (path == "/token")
        {
            await ServeTokenAsync(context);
            return;
        }

        var n = Interlocked.Increment(ref requestCount);
        if (Fail is not null && await Fail(n, context))
        {
            return;
        }

        if (RequireToken && context.Request.Headers["Authorization"] != $"Bearer {Token}")
        {
            var scope = path.Contains("/team/app/", StringComparison.Ordinal) ? ",scope=\"repository:team/app:pull\"" : string.Empty;
            context.Response.AddHeader("WWW-Authenticate", $"Bearer realm=\"http://{Server.Address}/token\",service=\"fake-registry\"{scope}");
            await LoopbackHttpServer.WriteAsync(context, 401, """{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"""u8.ToArray(), "application/json");
            return;
        }

        if (path == "/v2/")
        {
            await LoopbackHttpServer.WriteAsync(context, 200, "{}"u8.ToArray(), "application/json");
        }
        else if (path.StartsWith("/v2/team/app/manifests/", StringComparison.Ordinal))
        {
            var reference = path["/v2/team/app/manifests/".Length..];
            if (reference != "1" && reference != ManifestDigest.ToString())
            {
                await LoopbackHttpServer.WriteAsync(context, 404, """{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}"""u8.ToArray(), "application/json");
                return;
            }

            context.Response.AddHeader("Docker-Content-Digest", LieAboutDigest ? "sha256:" + new string('0', 64) : ManifestDigest.ToString());
            await LoopbackHttpServer.WriteAsync(context, 200, manifest, "application/vnd.oci.image.manifest.v1+json");
        }
        else if (path.StartsWith("/v2/team/app/blobs/", StringComparison.Ordinal))
        {
            var digest = path["/v2/team/app/blobs/".Length..];
            if (RedirectBlobs)
            {
                context.Response.AddHeader("Location", $"http://{Storage.Address}/storage/{digest}?signature=xyz");
                await LoopbackHttpServer.WriteAsync(context, 307);
                return;
            }

            await ServeBlobAsync(context, digest);
        }
        else
        {
            await LoopbackHttpServer.WriteAsync(context, 404);
        }
    }

    private Task ServeStorageAsync(HttpListenerContext context) =>
        ServeBlobAsync(context, context.Request.Url!.AbsolutePath["/storage/".Length..]);

    private Task ServeBlobAsync(HttpListenerContext context, string digest)
    {
        var blob = digest == Digest.Sha256(config).ToString() ? config : digest == Digest.Sha256(layer).ToString() ? layer : null;
        return blob is null ? LoopbackHttpServer.WriteAsync(context, 404) : LoopbackHttpServer.WriteAsync(context, 200, blob, "application/octet-stream");
    }

    private Task ServeTokenAsync(HttpListenerContext context)
    {
        if (TokenCredentials is { } credentials)
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.User}:{credentials.Password}"));
            if (context.Request.Headers["Authorization"] != expected)
            {
                return LoopbackHttpServer.WriteAsync(context, 401);
            }
        }

        return LoopbackHttpServer.WriteAsync(context, 200, Encoding.UTF8.GetBytes($$"""{"token":"{{Token}}","expires_in":300}"""), "application/json");
    }

    public sealed record Options
    {
        public bool RequireToken { get; init; }

        public (string User, string Password)? TokenCredentials { get; init; }

        public bool RedirectBlobs { get; init; }

        public bool LieAboutDigest { get; init; }

        public Func<int, HttpListenerContext, Task<bool>>? Fail { get; init; }
    }
}
