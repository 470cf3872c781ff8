using System.Text;
using Vigil.Testing.Registry;

namespace Vigil.Cli.Tests.Registry;

/// <summary>Registry credentials for <c>vigil scan image</c> against a real htpasswd-protected registry; the password never shows.</summary>
[Collection(RegistryScanCollection.Name)]
public sealed class ScanRegistryCredentialTests(RegistryScanFixture fixture) : IAsyncLifetime
{
    private const string User = "ci-bot";
    private const string Password = "s3cret-Pa55-for-vigil";
    private RegistryServer? registry;
    private string reference = string.Empty;

    public async Task InitializeAsync()
    {
        registry = await RegistryServer.StartAsync(new RegistryServerOptions { Htpasswd = (User, Password) });
        reference = await fixture.Vulnerable.PushAsync(registry, "private/app:1");
    }

    public async Task DisposeAsync()
    {
        if (registry is not null)
        {
            await registry.DisposeAsync();
        }
    }

    private string[] Scan(params string[] extra) => ["scan", "image", reference, "--cache-dir", fixture.CacheDir, "--format", "json", "--exit-code", "1", .. extra];

    [Fact]
    public async Task UsernameAndPasswordStdin_Authenticate()
    {
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Scan("--username", User, "--password-stdin", "--log-level", "Trace"), stdin: Password + "\n");

        Assert.True(exitCode == 1, stderr);
        Assert.Contains("GHSA-p6mc-m468-83gw", stdout, StringComparison.Ordinal);
        AssertNoSecret(stdout, stderr);
    }

    [Fact]
    public async Task UsernameAndPasswordFromEnvironment_Authenticate()
    {
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Scan(), new Dictionary<string, string> { ["VIGIL_USERNAME"] = User, ["VIGIL_PASSWORD"] = Password });

        Assert.True(exitCode == 1, stderr);
        Assert.Contains("GHSA-xvch-5gv4-984h", stdout, StringComparison.Ordinal);
        AssertNoSecret(stdout, stderr);
    }

    [Fact]
    public async Task WrongPassword_IsAClear401_WithoutThePassword()
    {
        const string wrong = "not-the-Pa55word";
        var (exitCode, stdout, stderr) = await VigilProcess.RunAsync(Scan("--username", User, "--password-stdin", "--log-level", "Trace"), stdin: wrong);

        Assert.Equal(3, exitCode);
        Assert.Empty(stdout);
        Assert.Contains($"The credentials of user '{User}' were rejected by {registry!.Address}", stderr, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{wrong}")), stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCredentials_SaysAuthenticationIsRequired()
    {
        var (exitCode, _, stderr) = await VigilProcess.RunAsync(Scan("--registry-config", Path.Combine(fixture.Directory, "no-such-config.json")));

        Assert.Equal(3, exitCode);
        Assert.Contains("Authentication required", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task PasswordStdinWithoutUsername_IsAClearError()
    {
        var (exitCode, _, stderr) = await VigilProcess.RunAsync(Scan("--password-stdin"), stdin: Password);

        Assert.Equal(3, exitCode);
        Assert.Contains("--password-stdin needs --username", stderr, StringComparison.Ordinal);
    }

    private static void AssertNoSecret(string stdout, string stderr)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        foreach (var text in new[] { stdout, stderr })
        {
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(basic, text, StringComparison.Ordinal);
        }
    }
}
