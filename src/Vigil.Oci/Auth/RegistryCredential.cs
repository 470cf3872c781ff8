namespace Vigil.Oci.Auth;

/// <summary>A user name and password (or access token used as password) for one registry.</summary>
/// <param name="Username">The user name.</param>
/// <param name="Password">The password or token; never logged: <see cref="ToString"/> hides it.</param>
public sealed record RegistryCredential(string Username, string Password)
{
    /// <summary>Shows the user name only, so that a credential written to a log reveals no secret.</summary>
    public override string ToString() => $"{Username}:***";
}
