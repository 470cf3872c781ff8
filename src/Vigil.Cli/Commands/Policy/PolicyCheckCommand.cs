using System.CommandLine;
using Vigil.Gates.Policy;

namespace Vigil.Cli.Commands.Policy;

/// <summary><c>vigil policy check FILE…</c>: validates each file and prints errors as <c>file:line:column: message</c>.</summary>
public sealed class PolicyCheckCommand(ParseResult parseResult)
{
    /// <summary>Checks the files; 0 when all are valid, 1 otherwise.</summary>
    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var invalid = 0;
        foreach (var file in parseResult.GetValue(PolicyCommandDefinition.Files) ?? [])
        {
            var result = await PolicyParser.ParseFileAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            if (result.Success)
            {
                await output.WriteLineAsync($"{file.Name}: valid ({Describe(result.Policy)})").ConfigureAwait(false);
                continue;
            }

            invalid++;
            foreach (var error in result.Errors)
            {
                var place = error.Line > 0 ? $"{file.Name}:{error.Line}:{error.Column}" : file.Name;
                await output.WriteLineAsync($"{place}: error: {error.Message}").ConfigureAwait(false);
            }
        }

        return invalid == 0 ? ExitCodes.Success : ExitCodes.FindingsDefault;
    }

    private static string Describe(GatePolicy policy) =>
        $"mode {policy.Mode.ToString().ToLowerInvariant()}, maxSeverity {Vigil.Core.SeverityExtensions.ToLabel(policy.MaxSeverity)}, " +
        $"{policy.Allow.Count} allowed id(s), {policy.Exemptions.Count} exemption(s), unknownImage {policy.UnknownImage.ToString().ToLowerInvariant()}";
}
