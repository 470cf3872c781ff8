namespace Vigil.Kubernetes.Abstractions;

/// <summary>Registry credentials from one Kubernetes image pull secret.</summary>
/// <param name="Namespace">The secret's namespace.</param>
/// <param name="Name">The secret's name (for messages; never log <see cref="DockerConfigJson"/>).</param>
/// <param name="DockerConfigJson">
/// The raw <c>.dockerconfigjson</c> bytes (<c>{"auths":{"registry":{"auth":"…"}}}</c>); a legacy <c>.dockercfg</c> secret
/// is wrapped into that shape.
/// </param>
public sealed record PullSecret(string Namespace, string Name, ReadOnlyMemory<byte> DockerConfigJson)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Namespace}/{Name}";
}
