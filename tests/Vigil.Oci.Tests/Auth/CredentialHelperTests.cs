using System.Text;
using Microsoft.Extensions.Options;
using Vigil.Oci.Auth;
using Vigil.Oci.Registry;

namespace Vigil.Oci.Tests.Auth;

/// <summary>Docker credential helpers, run as real processes: small shell scripts the tests write.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CredentialHelperTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("vigil-helpers-").FullName;

    public CredentialHelperTests()
    {
        // Answers like docker-credential-pass: the server URL on stdin selects the entry; unknown ones are "not found".
        WriteHelper("vault", """
            read -r server
            case "$server" in
              ghcr.io) echo '{"ServerURL":"ghcr.io","Username":"gh-bot","Secret":"ghp-secret-token"}' ;;
              https://index.docker.io/v1/) echo '{"ServerURL":"https://index.docker.io/v1/","Username":"hub","Secret":"hub-secret"}' ;;
              *) echo "credentials not found in native keychain" >&2; exit 1 ;;
            esac
            """);
        WriteHelper("broken", "echo 'backend locked: run unlock first' >&2; exit 3");
        WriteHelper("garbage", "echo 'Secret=oops-plain-secret'");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Reads_the_credential_a_helper_returns_for_a_registry()
    {
        var helper = new CredentialHelper(directory);

        Assert.Equal(new RegistryCredential("gh-bot", "ghp-secret-token"), await helper.GetAsync("vault", "ghcr.io", default));
        Assert.Equal(new RegistryCredential("hub", "hub-secret"), await helper.GetAsync("vault", "docker.io", default));
        Assert.Null(await helper.GetAsync("vault", "quay.io", default));
    }

    [Fact]
    public async Task Missing_failing_and_unreadable_helpers_give_clear_errors_without_secrets()
    {
        var helper = new CredentialHelper(directory);

        var missing = await Assert.ThrowsAsync<RegistryException>(() => helper.GetAsync("ecr-login", "1234.dkr.ecr.eu-west-1.amazonaws.com", default));
        Assert.Contains("'docker-credential-ecr-login' is not on the PATH", missing.Message, StringComparison.Ordinal);

        var failing = await Assert.ThrowsAsync<RegistryException>(() => helper.GetAsync("broken", "ghcr.io", default));
        Assert.Contains("exit code 3", failing.Message, StringComparison.Ordinal);
        Assert.Contains("backend locked", failing.Message, StringComparison.Ordinal);

        var garbage = await Assert.ThrowsAsync<RegistryException>(() => helper.GetAsync("garbage", "ghcr.io", default));
        Assert.Contains("not JSON", garbage.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("oops-plain-secret", garbage.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provider_asks_credHelpers_then_credsStore_then_falls_back_to_auths()
    {
        var config = Path.Combine(directory, "config.json");
        var inline = Convert.ToBase64String(Encoding.UTF8.GetBytes("inline-user:inline-pass"));
        await File.WriteAllTextAsync(config, $$$"""
            {"auths":{"quay.io":{"auth":"{{{inline}}}"},"ghcr.io":{}},
             "credsStore":"vault",
             "credHelpers":{"registry.internal:5000":"broken"}}
            """);
        var provider = new DockerConfigCredentialProvider(Options.Create(new OciOptions { DockerConfigPath = config, CredentialHelperPath = directory }));

        Assert.Equal("gh-bot", (await provider.GetCredentialAsync("ghcr.io", default))?.Username);
        Assert.Equal(new RegistryCredential("inline-user", "inline-pass"), await provider.GetCredentialAsync("quay.io", default));
        await Assert.ThrowsAsync<RegistryException>(async () => await provider.GetCredentialAsync("registry.internal:5000", default));
    }

    [Fact]
    public void Config_names_the_helper_per_registry()
    {
        var credentials = DockerConfigCredentials.Parse("""{"credsStore":"desktop","credHelpers":{"https://1234.dkr.ecr.us-east-1.amazonaws.com":"ecr-login"}}"""u8);

        Assert.Equal("ecr-login", credentials.HelperFor("1234.dkr.ecr.us-east-1.amazonaws.com"));
        Assert.Equal("desktop", credentials.HelperFor("docker.io"));
        Assert.Null(DockerConfigCredentials.Parse("""{"auths":{}}"""u8).HelperFor("docker.io"));
    }

    private void WriteHelper(string name, string body)
    {
        var path = Path.Combine(directory, "docker-credential-" + name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
