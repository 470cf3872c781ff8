namespace Vigil.Oci.Auth;

/// <summary>Finds the credential to use for a registry (<c>docker.io</c>, <c>host:port</c>).</summary>
public interface IRegistryCredentialProvider
{
    /// <summary>The credential for <paramref name="registry"/>, or null to pull anonymously.</summary>
    ValueTask<RegistryCredential?> GetCredentialAsync(string registry, CancellationToken cancellationToken);
}
