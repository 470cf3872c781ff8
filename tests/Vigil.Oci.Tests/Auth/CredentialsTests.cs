using System.Text;
using Vigil.Oci.Auth;

namespace Vigil.Oci.Tests.Auth;

public sealed class CredentialsTests
{
    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    [Fact]
    public void Reads_docker_config_auth_and_username_password_entries()
    {
        var json = $$$$"""
            {"auths":{
              "https://index.docker.io/v1/":{"auth":"{{{{B64("hub-user:hub:pass")}}}}"},
              "ghcr.io":{"username":"gh","password":"token"},
              "http://localhost:5000/v2/":{"auth":"{{{{B64("local:pw")}}}}"},
              "empty.io":{}
            },"credsStore":"desktop"}
            """;

        var credentials = DockerConfigCredentials.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(new RegistryCredential("hub-user", "hub:pass"), credentials.Find("docker.io"));
        Assert.Equal(new RegistryCredential("gh", "token"), credentials.Find("GHCR.io"));
        Assert.Equal(new RegistryCredential("local", "pw"), credentials.Find("localhost:5000"));
        Assert.Null(credentials.Find("empty.io"));
        Assert.Null(credentials.Find("quay.io"));
    }

    [Fact]
    public void Malformed_configs_fail_without_showing_secrets()
    {
        var error = Assert.Throws<FormatException>(() => DockerConfigCredentials.Parse("""{"auths":{"r.io":{"auth":"c2VjcmV0LW5vLWNvbG9u"}}}"""u8));

        Assert.Contains("r.io", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => DockerConfigCredentials.Parse("not json"u8));
    }

    [Fact]
    public void Reads_kubernetes_dockerconfigjson_secrets()
    {
        var config = $$$$"""{"auths":{"registry.example.com":{"auth":"{{{{B64("robot$ci:pw")}}}}"}}}""";
        var secret = $$$$"""
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"pull","namespace":"prod"},
             "type":"kubernetes.io/dockerconfigjson","data":{".dockerconfigjson":"{{{{B64(config)}}}}"}}
            """;

        var credentials = KubernetesPullSecret.Parse(Encoding.UTF8.GetBytes(secret));

        Assert.Equal(new RegistryCredential("robot$ci", "pw"), credentials.Find("registry.example.com"));
    }

    [Fact]
    public void Reads_legacy_dockercfg_secrets_from_string_data()
    {
        var secret = $$$$"""
            {"metadata":{"name":"legacy"},"type":"kubernetes.io/dockercfg",
             "stringData":{".dockercfg":"{\"quay.io\":{\"username\":\"u\",\"password\":\"p\"}}"}}
            """;

        Assert.Equal(new RegistryCredential("u", "p"), KubernetesPullSecret.Parse(Encoding.UTF8.GetBytes(secret)).Find("quay.io"));
    }

    [Fact]
    public void Other_secret_types_are_refused_by_name()
    {
        var error = Assert.Throws<FormatException>(() =>
            KubernetesPullSecret.Parse("""{"metadata":{"name":"tls"},"type":"kubernetes.io/tls","data":{"tls.key":"c2VjcmV0"}}"""u8));

        Assert.Contains("'tls'", error.Message, StringComparison.Ordinal);
        Assert.Contains("kubernetes.io/tls", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credential_never_prints_its_password() =>
        Assert.Equal("user:***", new RegistryCredential("user", "hunter2").ToString());

    [Fact]
    public void Parses_bearer_challenges_with_quoted_commas()
    {
        var challenge = AuthChallenge.Parse("Bearer", "realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/nginx:pull,push\"");

        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.docker.io/token", challenge.Realm);
        Assert.Equal("registry.docker.io", challenge.Service);
        Assert.Equal("repository:library/nginx:pull,push", challenge.Scope);
    }
}
