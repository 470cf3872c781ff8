using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Cli.Infrastructure;
using Vigil.Core;
using Vigil.Gates.Abstractions;
using Vigil.Gates.Policy;
using Vigil.Scanning.Pipeline;

namespace Vigil.Cli.Commands.Policy;

/// <summary><c>vigil policy test IMAGE</c>: scans the image and explains the verdict of the policy.</summary>
public sealed class PolicyTestCommand(ParseResult parseResult)
{
    /// <summary>Scans, decides and explains; 0 when allowed or warned, 1 when denied.</summary>
    public Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(null, token => RunCoreAsync(output, token), Console.Error, cancellationToken);

    private async Task<int> RunCoreAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var policy = GatePolicy.Default;
        if (parseResult.GetValue(PolicyCommandDefinition.PolicyFile) is { } file)
        {
            var parsed = await PolicyParser.ParseFileAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            if (!parsed.Success)
            {
                foreach (var error in parsed.Errors)
                {
                    await Console.Error.WriteLineAsync($"vigil: {file.Name}: {error}").ConfigureAwait(false);
                }

                return ExitCodes.UsageError;
            }

            policy = parsed.Policy;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in parseResult.GetValue(PolicyCommandDefinition.Labels) ?? [])
        {
            var equals = label.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                await Console.Error.WriteLineAsync($"vigil: --label '{label}' is not key=value.").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            labels[label[..equals]] = label[(equals + 1)..];
        }

        var image = parseResult.GetValue(PolicyCommandDefinition.Image)!;
        await using var services = VigilServices.Build(parseResult);
        var timeProvider = services.GetRequiredService<TimeProvider>();
        var outcome = await services.GetRequiredService<ScanService>().ScanImageAsync(image, new ScanRequestOptions(), null, cancellationToken).ConfigureAwait(false);
        var digest = outcome.Inventory.Artifact.ManifestDigest ?? Digest.Sha256(System.Text.Encoding.UTF8.GetBytes(image));
        var subject = new PolicySubject(image) { Digest = outcome.Inventory.Artifact.ManifestDigest, Namespace = parseResult.GetValue(PolicyCommandDefinition.Namespace), Labels = labels };
        var verdict = new PolicyEvaluator(timeProvider).Evaluate(policy, subject, new ImageScanResult(digest, outcome.Findings, timeProvider.GetUtcNow()));

        await output.WriteLineAsync(verdict.Describe()).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"Decision: {verdict.Decision.ToString().ToUpperInvariant()} (mode {verdict.Mode.ToString().ToLowerInvariant()})").ConfigureAwait(false);
        foreach (var blocking in verdict.Blocking)
        {
            await output.WriteLineAsync($"  BLOCKS   {blocking.Describe()}: {blocking.Rule}").ConfigureAwait(false);
        }

        foreach (var other in verdict.NotBlocking.OrderByDescending(n => n.Finding.Severity))
        {
            await output.WriteLineAsync($"  passes   {other.Finding.Id} in {other.Finding.Package.Name} {other.Finding.Package.Version} ({other.Finding.Severity.ToLabel()}): {other.Explanation}").ConfigureAwait(false);
        }

        return verdict.IsAllowed ? ExitCodes.Success : ExitCodes.FindingsDefault;
    }
}
