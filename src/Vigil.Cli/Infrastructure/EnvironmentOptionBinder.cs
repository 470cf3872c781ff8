using System.CommandLine;

namespace Vigil.Cli.Infrastructure;

/// <summary>
/// Makes every option readable from an environment variable <c>VIGIL_&lt;FLAG&gt;</c> (<c>--exit-code</c> →
/// <c>VIGIL_EXIT_CODE</c>). A flag given on the command line wins over the environment.
/// </summary>
/// <remarks>
/// Implemented by appending the environment's values as ordinary arguments and parsing again, so every option type,
/// validator and error message behaves exactly as on the command line.
/// </remarks>
public static class EnvironmentOptionBinder
{
    /// <summary>The environment variable name for an option name such as <c>--exit-code</c>.</summary>
    public static string VariableName(string optionName) =>
        "VIGIL_" + optionName.TrimStart('-').Replace('-', '_').ToUpperInvariant();

    /// <summary>Parses <paramref name="args"/>, then again with the values of any unset options taken from the environment.</summary>
    public static ParseResult Parse(RootCommand root, IReadOnlyList<string> args, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(root);
        var first = root.Parse(args);
        var extra = new List<string>();
        foreach (var option in OptionsInScope(first.CommandResult.Command, root))
        {
            if (option.Name is "--help" or "--version" || first.GetResult(option) is { Implicit: false })
            {
                continue;
            }

            var value = getEnvironmentVariable(VariableName(option.Name));
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (option.Arity.MaximumNumberOfValues == 0)
            {
                if (bool.TryParse(value, out var on) ? on : value == "1")
                {
                    extra.Add(option.Name);
                }

                continue;
            }

            // Lists in one variable are comma separated: VIGIL_SEVERITY=HIGH,CRITICAL.
            var values = option.Arity.MaximumNumberOfValues > 1 ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [value];
            foreach (var item in values)
            {
                extra.Add(option.Name);
                extra.Add(item);
            }
        }

        return extra.Count == 0 ? first : root.Parse([.. args, .. extra]);
    }

    private static IEnumerable<Option> OptionsInScope(Command command, RootCommand root)
    {
        foreach (var option in command.Options)
        {
            yield return option;
        }

        // Recursive options of the root apply to every subcommand.
        if (!ReferenceEquals(command, root))
        {
            foreach (var option in root.Options.Where(o => o.Recursive))
            {
                yield return option;
            }
        }
    }
}
