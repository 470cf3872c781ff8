using System.CommandLine;
using Vigil.Cli.Infrastructure;
using Vigil.Gates.Hosting;
using Vigil.Oci.Auth;

namespace Vigil.Cli.Commands.Scan;

/// <summary>
/// Reads the registry credential given to <c>vigil scan image</c>: <c>--username</c> (or <c>VIGIL_USERNAME</c>) with the
/// password from standard input (<c>--password-stdin</c>) or <c>VIGIL_PASSWORD</c> / <c>VIGIL_PASSWORD_FILE</c>. The
/// password is never taken from the command line, where process lists and shell history would show it.
/// </summary>
public static class RegistryCredentialReader
{
    /// <summary>The environment variable holding the password (or a token).</summary>
    public const string PasswordVariable = "VIGIL_PASSWORD";

    /// <summary>The credential, or null when no user name was given (docker config.json applies then).</summary>
    /// <exception cref="CommandException">A user name without a password, a password without a user name, or an empty stdin.</exception>
    public static async Task<RegistryCredential?> ReadAsync(ParseResult parseResult, TextReader stdin, Func<string, string?> getEnvironmentVariable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(stdin);
        var username = parseResult.GetValue(RegistryScanOptions.Username);
        var fromStdin = parseResult.GetValue(RegistryScanOptions.PasswordStdin);
        if (string.IsNullOrEmpty(username))
        {
            return fromStdin
                ? throw new CommandException("--password-stdin needs --username (or VIGIL_USERNAME).")
                : null;
        }

        string? password;
        if (fromStdin)
        {
            // One line, as docker login --password-stdin: a trailing newline from echo or a file is not part of it.
            password = (await stdin.ReadToEndAsync(cancellationToken)).TrimEnd('\r', '\n');
            if (password.Length == 0)
            {
                throw new CommandException("--password-stdin was given but standard input is empty.");
            }
        }
        else
        {
            password = SecretReader.Read(PasswordVariable, getEnvironmentVariable);
        }

        return password is null
            ? throw new CommandException($"--username '{username}' needs a password: --password-stdin, {PasswordVariable} or {PasswordVariable}_FILE.")
            : new RegistryCredential(username, password);
    }
}
