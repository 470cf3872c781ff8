using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Core;
using Vigil.Oci.Auth;
using Vigil.Oci.Layers;
using Vigil.Oci.Registry;
using Vigil.Oci.Streams;
using Vigil.Oci.Tests.Support;
using Vigil.Testing.Images;
using Vigil.Testing.Registry;

namespace Vigil.Oci.Tests.Registry;

public sealed class RegistryWriteAndAuthTests : IDisposable
{
    private const string User = "vigil";
    private const string Password = "s3cret-pass-never-logged";
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Pulls_from_an_htpasswd_registry_with_credentials_from_docker_config()
    {
        await using var registry = await RegistryServer.StartAsync(new RegistryServerOptions { Htpasswd = (User, Password) });
        var reference = await (await BuildAsync()).PushAsync(registry, "private/app:1");
        var config = temp.Combine("config.json");
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        await File.WriteAllTextAsync(config, "{\"auths\":{\"http://" + registry.Address + "/v2/\":{\"auth\":\"" + auth + "\"}}}");
        var logs = new CapturingLoggerProvider();
        var resolver = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddVigilOci(o => o.DockerConfigPath = config)
            .BuildServiceProvider()
            .GetRequiredService<ImageSourceResolver>();

        await using var source = await resolver.OpenAsync(reference);
        var visitor = new RecordingVisitor(_ => true);
        await LayeredImageReader.Create().ReadAsync(source, visitor);

        Assert.Equal("ID=private\n", visitor.ContentOf("/etc/os-release", 0));
        Assert.NotEmpty(logs.Messages);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(Password, StringComparison.Ordinal) || m.Contains(auth, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_credentials_the_error_says_authentication_is_required()
    {
        await using var registry = await RegistryServer.StartAsync(new RegistryServerOptions { Htpasswd = (User, Password) });
        var reference = await (await BuildAsync()).PushAsync(registry, "private/app:1");

        var error = await Assert.ThrowsAsync<RegistryException>(() => OciServices.Resolver().OpenAsync(reference));

        Assert.Equal(RegistryErrorKind.Unauthorized, error.Kind);
        Assert.Contains("Authentication required for repository 'private/app'", error.Message, StringComparison.Ordinal);
        Assert.Contains("no credentials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_credentials_name_the_user_not_the_password()
    {
        await using var registry = await RegistryServer.StartAsync(new RegistryServerOptions { Htpasswd = (User, Password) });
        var reference = await (await BuildAsync()).PushAsync(registry, "private/app:1");

        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            OciServices.Resolver().OpenRegistryAsync(Core.Images.ImageReference.Parse(reference), new RegistryCredential(User, "wrong-password")));

        Assert.Equal(RegistryErrorKind.Unauthorized, error.Kind);
        Assert.Contains($"user '{User}' were rejected", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_tampered_in_registry_storage_is_rejected()
    {
        await using var registry = await RegistryServer.StartAsync();
        var image = await BuildAsync();
        var reference = await image.PushAsync(registry, "team/app:1");
        var blob = registry.BlobDataPath(Digest.Parse(image.LayerDigests[0]));
        var original = await File.ReadAllBytesAsync(blob);
        var forged = Blobs.Gzip(new TestLayer().File("/etc/os-release", "ID=evil!!\n").ToTar());
        await File.WriteAllBytesAsync(blob, forged.Length == original.Length ? forged : forged.Concat(new byte[Math.Max(0, original.Length - forged.Length)]).ToArray());
        await using var source = await OciServices.Resolver().OpenAsync(reference);

        var error = await Assert.ThrowsAsync<DigestMismatchException>(() => LayeredImageReader.Create().ReadAsync(source, new RecordingVisitor(_ => true)));

        Assert.Contains(image.LayerDigests[0], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deletes_a_manifest_by_digest()
    {
        await using var registry = await RegistryServer.StartAsync();
        var image = await BuildAsync();
        await image.PushAsync(registry, "team/app:1");
        var client = await OciServices.Clients().CreateAsync(registry.Address);

        await client.DeleteManifestAsync("team/app", Digest.Parse(image.ManifestDigest));

        Assert.False(await client.ManifestExistsAsync("team/app", image.ManifestDigest));
        var again = await Assert.ThrowsAsync<RegistryException>(() => client.DeleteManifestAsync("team/app", Digest.Parse(image.ManifestDigest)));
        Assert.Equal(RegistryErrorKind.NotFound, again.Kind);
    }

    [Fact]
    public async Task Copies_a_manifest_to_another_repository_by_mounting_blobs()
    {
        await using var registry = await RegistryServer.StartAsync(new RegistryServerOptions { Htpasswd = (User, Password) });
        var image = await BuildAsync();
        await image.PushAsync(registry, "staging/app:candidate");
        var client = await OciServices.Clients().CreateAsync(registry.Address, new RegistryCredential(User, Password));
        var before = Directory.GetFiles(Path.Combine(registry.StorageRoot, "docker", "registry", "v2", "blobs"), "data", SearchOption.AllDirectories).Length;

        var copied = await client.CopyManifestAsync("staging/app", Digest.Parse(image.ManifestDigest), "prod/app", "1.0");

        Assert.Equal(image.ManifestDigest, copied.ToString());
        var pulled = await client.GetManifestAsync("prod/app", "1.0");
        Assert.Equal(image.ManifestDigest, pulled.Digest.ToString());
        var after = Directory.GetFiles(Path.Combine(registry.StorageRoot, "docker", "registry", "v2", "blobs"), "data", SearchOption.AllDirectories).Length;
        Assert.Equal(before, after);
        Assert.True(Directory.Exists(Path.Combine(registry.StorageRoot, "docker", "registry", "v2", "repositories", "prod", "app", "_layers", "sha256", image.LayerDigests[0]["sha256:".Length..])));
    }

    private Task<TestImage> BuildAsync() =>
        new TestImageBuilder(temp.Combine("layout"))
            .Layer(l => l.File("/etc/os-release", "ID=private\n"))
            .Layer(l => l.File("/app/main", "bin"))
            .BuildAsync("t");
}
