namespace Vigil.Gates.RegistryWebhook;

/// <summary>Which registry product sent a push notification; decides how a passing image is released.</summary>
public enum PushEventSource
{
    /// <summary>CNCF Distribution (<c>registry:2</c>, Debian <c>docker-registry</c>) <c>notifications:</c> endpoint.</summary>
    Distribution = 0,

    /// <summary>Harbor webhook (<c>PUSH_ARTIFACT</c>).</summary>
    Harbor = 1,

    /// <summary>Azure Container Registry webhook (<c>push</c>, <c>quarantine</c>).</summary>
    Acr = 2,
}
