namespace Vigil.Gates.Hosting;

/// <summary>
/// Reads secrets (webhook URLs, tokens) from an environment variable or a mounted secret file — never from the command
/// line, where they would show in process lists and shell history.
/// </summary>
public static class SecretReader
{
    /// <summary>
    /// The value of <paramref name="environmentVariable"/>, else of the file named by <c>&lt;environmentVariable&gt;_FILE</c>
    /// (trailing newline removed), else null.
    /// </summary>
    public static string? Read(string environmentVariable, Func<string, string?>? getEnvironmentVariable = null)
    {
        ArgumentNullException.ThrowIfNull(environmentVariable);
        getEnvironmentVariable ??= Environment.GetEnvironmentVariable;
        var value = getEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }

        var file = getEnvironmentVariable(environmentVariable + "_FILE");
        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"The secret file named by {environmentVariable}_FILE does not exist.", file);
        }

        var text = File.ReadAllText(file).TrimEnd('\r', '\n');
        return text.Length == 0 ? null : text;
    }
}
