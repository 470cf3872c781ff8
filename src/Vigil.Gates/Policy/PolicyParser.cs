using System.Globalization;
using Vigil.Core;
using Vigil.Gates.Actions;
using Vigil.Kubernetes.Entities;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Gates.Policy;

/// <summary>
/// Reads a policy from YAML (or JSON, which is YAML) and validates it, reporting every error with its line and column.
/// </summary>
/// <remarks>
/// The document is walked node by node rather than deserialized into classes so that every error, including unknown keys
/// and wrong values, points at the exact place in the file. A whole <c>VigilPolicy</c> manifest is accepted too: its
/// <c>spec</c> is the policy.
/// </remarks>
public static class PolicyParser
{
    /// <summary>Larger policy files are refused; real ones are a few kilobytes.</summary>
    public const int MaxDocumentLength = 1024 * 1024;

    private static readonly string[] RootKeys = ["apiVersion", "kind", "metadata", "spec", "mode", "maxSeverity", "ignoreUnfixed", "allow", "gracePeriod", "maxReportAge", "exemptions", "unknownImage", "actions"];
    private static readonly string[] PolicyKeys = ["mode", "maxSeverity", "ignoreUnfixed", "allow", "gracePeriod", "maxReportAge", "exemptions", "unknownImage", "actions"];
    private static readonly string[] ActionKeys = ["enable", "dryRun", "protectedNamespaces"];
    private static readonly string[] AllowKeys = ["id", "package", "reason", "expires"];
    private static readonly string[] GraceKeys = ["duration", "stillBlock"];
    private static readonly string[] ExemptionKeys = ["namespace", "labels", "image", "reason", "expires"];

    /// <summary>Reads and validates the policy file at <paramref name="path"/>.</summary>
    public static async Task<PolicyParseResult> ParseFileAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return PolicyParseResult.Failed([new PolicyError(0, 0, $"Policy file '{path}' does not exist.")]);
        }

        if (info.Length > MaxDocumentLength)
        {
            return PolicyParseResult.Failed([new PolicyError(0, 0, $"Policy file '{path}' is {info.Length} bytes; the limit is {MaxDocumentLength}.")]);
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text);
    }

    /// <summary>Parses and validates a policy document.</summary>
    public static PolicyParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxDocumentLength)
        {
            return PolicyParseResult.Failed([new PolicyError(0, 0, $"The policy is {text.Length} characters; the limit is {MaxDocumentLength}.")]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return PolicyParseResult.Failed([new PolicyError((int)e.Start.Line, (int)e.Start.Column, "Not valid YAML: " + Innermost(e).Message)]);
        }

        if (stream.Documents.Count == 0)
        {
            return PolicyParseResult.Failed([new PolicyError(0, 0, "The policy is empty.")]);
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            return PolicyParseResult.Failed([At(second, "A policy file holds one YAML document; found more than one.")]);
        }

        var errors = new List<PolicyError>();
        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode rootMap)
        {
            return PolicyParseResult.Failed([At(root, "The policy must be a mapping of keys (mode, maxSeverity, …).")]);
        }

        var policyMap = rootMap;
        if (Get(rootMap, "spec") is { } spec)
        {
            CheckKeys(rootMap, ["apiVersion", "kind", "metadata", "spec"], errors);
            CheckManifestHeader(rootMap, errors);
            if (spec is not YamlMappingNode specMap)
            {
                errors.Add(At(spec, "'spec' must be a mapping holding the policy."));
                return PolicyParseResult.Failed(errors);
            }

            policyMap = specMap;
            CheckKeys(policyMap, PolicyKeys, errors);
        }
        else
        {
            CheckKeys(rootMap, RootKeys, errors);
            CheckManifestHeader(rootMap, errors);
        }

        var policy = ReadPolicy(policyMap, errors);
        return errors.Count == 0 ? PolicyParseResult.Ok(policy) : PolicyParseResult.Failed(errors);
    }

    private static GatePolicy ReadPolicy(YamlMappingNode map, List<PolicyError> errors)
    {
        var policy = GatePolicy.Default;
        if (Get(map, "mode") is { } mode)
        {
            policy = policy with
            {
                Mode = Scalar(mode, errors, "mode") switch
                {
                    null => policy.Mode,
                    var s when s.Equals("enforce", StringComparison.OrdinalIgnoreCase) => PolicyMode.Enforce,
                    var s when s.Equals("audit", StringComparison.OrdinalIgnoreCase) => PolicyMode.Audit,
                    var s => Fail(errors, mode, $"mode '{s}' is not known: expected 'enforce' or 'audit'.", policy.Mode),
                },
            };
        }

        if (Get(map, "maxSeverity") is { } maxSeverity)
        {
            policy = policy with { MaxSeverity = ReadSeverity(maxSeverity, "maxSeverity", errors) ?? policy.MaxSeverity };
        }

        if (Get(map, "ignoreUnfixed") is { } ignoreUnfixed)
        {
            policy = policy with { IgnoreUnfixed = ReadBool(ignoreUnfixed, "ignoreUnfixed", errors) ?? false };
        }

        if (Get(map, "unknownImage") is { } unknownImage)
        {
            policy = policy with
            {
                UnknownImage = Scalar(unknownImage, errors, "unknownImage") switch
                {
                    null => policy.UnknownImage,
                    var s when s.Equals("allow", StringComparison.OrdinalIgnoreCase) => UnknownImageAction.Allow,
                    var s when s.Equals("deny", StringComparison.OrdinalIgnoreCase) => UnknownImageAction.Deny,
                    var s => Fail(errors, unknownImage, $"unknownImage '{s}' is not known: expected 'allow' or 'deny'.", policy.UnknownImage),
                },
            };
        }

        if (Get(map, "maxReportAge") is { } maxReportAge)
        {
            policy = policy with { MaxReportAge = ReadDuration(maxReportAge, "maxReportAge", errors) };
        }

        if (Get(map, "gracePeriod") is { } grace)
        {
            policy = policy with { GracePeriod = ReadGracePeriod(grace, errors) };
        }

        if (Get(map, "allow") is { } allow)
        {
            policy = policy with { Allow = ReadList(allow, "allow", errors, ReadAllowed) };
        }

        if (Get(map, "exemptions") is { } exemptions)
        {
            policy = policy with { Exemptions = ReadList(exemptions, "exemptions", errors, ReadExemption) };
        }

        if (Get(map, "actions") is { } actions)
        {
            policy = policy with { Actions = ReadActions(actions, errors) };
        }

        return policy;
    }

    private static PolicyActions ReadActions(YamlNode node, List<PolicyError> errors)
    {
        var actions = PolicyActions.None;
        if (node is not YamlMappingNode map)
        {
            errors.Add(At(node, "actions must be a mapping with 'enable', and optional 'dryRun', 'protectedNamespaces'."));
            return actions;
        }

        CheckKeys(map, ActionKeys, errors);
        if (Get(map, "enable") is { } enable)
        {
            var kinds = ReadList(enable, "actions.enable", errors, (item, e) =>
            {
                var text = Scalar(item, e, "action");
                WorkloadActionKind? kind = text switch
                {
                    "annotate" => WorkloadActionKind.Annotate,
                    "label" => WorkloadActionKind.Label,
                    "scaleToZero" => WorkloadActionKind.ScaleToZero,
                    "deletePods" => WorkloadActionKind.DeletePods,
                    _ => null,
                };
                if (kind is null && text is not null)
                {
                    e.Add(At(item, $"action '{text}' is not known: expected annotate, label, scaleToZero or deletePods."));
                }

                return kind is { } k ? new Box<WorkloadActionKind>(k) : null;
            });
            actions = actions with { Enable = [.. kinds.Select(k => k.Value).Distinct()] };
        }

        if (Get(map, "dryRun") is { } dryRun)
        {
            actions = actions with { DryRun = ReadBool(dryRun, "actions.dryRun", errors) ?? true };
        }

        if (Get(map, "protectedNamespaces") is { } protectedNamespaces)
        {
            var names = ReadList(protectedNamespaces, "actions.protectedNamespaces", errors, (item, e) => Scalar(item, e, "namespace") is { Length: > 0 } n ? n : null);
            actions = actions with { ProtectedNamespaces = names };
        }

        return actions;
    }

    private sealed record Box<T>(T Value);

    private static GracePeriod? ReadGracePeriod(YamlNode node, List<PolicyError> errors)
    {
        if (node is YamlScalarNode)
        {
            return ReadDuration(node, "gracePeriod", errors) is { } d ? new GracePeriod(d) : null;
        }

        if (node is not YamlMappingNode map)
        {
            errors.Add(At(node, "gracePeriod must be a duration (72h) or a mapping with 'duration' and optional 'stillBlock'."));
            return null;
        }

        CheckKeys(map, GraceKeys, errors);
        if (Get(map, "duration") is not { } durationNode)
        {
            errors.Add(At(map, "gracePeriod needs a 'duration' (for example 72h)."));
            return null;
        }

        var duration = ReadDuration(durationNode, "gracePeriod.duration", errors);
        var stillBlock = Get(map, "stillBlock") is { } s ? ReadSeverity(s, "gracePeriod.stillBlock", errors) : null;
        return duration is { } value ? new GracePeriod(value) { StillBlockAtOrAbove = stillBlock } : null;
    }

    private static AllowedVulnerability? ReadAllowed(YamlNode node, List<PolicyError> errors)
    {
        if (node is YamlScalarNode)
        {
            var id = Scalar(node, errors, "allow entry");
            return string.IsNullOrWhiteSpace(id) ? Fail<AllowedVulnerability?>(errors, node, "An allow entry needs an id.", null) : new AllowedVulnerability(id.Trim());
        }

        if (node is not YamlMappingNode map)
        {
            errors.Add(At(node, "An allow entry is an id or a mapping with 'id', and optional 'package', 'reason', 'expires'."));
            return null;
        }

        CheckKeys(map, AllowKeys, errors);
        var idNode = Get(map, "id");
        var idText = idNode is null ? null : Scalar(idNode, errors, "id");
        if (string.IsNullOrWhiteSpace(idText))
        {
            errors.Add(At(idNode ?? map, "An allow entry needs an 'id' (CVE-2024-1234, GHSA-…)."));
            return null;
        }

        return new AllowedVulnerability(idText.Trim())
        {
            Package = OptionalText(map, "package", errors),
            Reason = OptionalText(map, "reason", errors),
            Expires = Get(map, "expires") is { } e ? ReadDate(e, errors) : null,
        };
    }

    private static PolicyExemption? ReadExemption(YamlNode node, List<PolicyError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(At(node, "An exemption is a mapping with any of 'namespace', 'labels', 'image', and 'reason', 'expires'."));
            return null;
        }

        CheckKeys(map, ExemptionKeys, errors);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Get(map, "labels") is { } labelsNode)
        {
            if (labelsNode is YamlMappingNode labelMap)
            {
                foreach (var (key, value) in labelMap.Children)
                {
                    var k = Scalar(key, errors, "label name");
                    var v = Scalar(value, errors, "label value");
                    if (k is not null && v is not null)
                    {
                        labels[k] = v;
                    }
                }
            }
            else
            {
                errors.Add(At(labelsNode, "labels must be a mapping of label names to values."));
            }
        }

        var exemption = new PolicyExemption
        {
            Namespace = OptionalText(map, "namespace", errors),
            Image = OptionalText(map, "image", errors),
            Labels = labels,
            Reason = OptionalText(map, "reason", errors),
            Expires = Get(map, "expires") is { } e ? ReadDate(e, errors) : null,
        };
        if (exemption.Namespace is null && exemption.Image is null && labels.Count == 0)
        {
            // An exemption without conditions would switch the whole policy off; that must be said on purpose (mode: audit).
            errors.Add(At(map, "An exemption needs at least one of 'namespace', 'labels', 'image'."));
            return null;
        }

        return exemption;
    }

    private static List<T> ReadList<T>(YamlNode node, string name, List<PolicyError> errors, Func<YamlNode, List<PolicyError>, T?> read)
        where T : class
    {
        if (node is YamlScalarNode { Value: null or "" or "null" or "~" })
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            errors.Add(At(node, $"{name} must be a list."));
            return [];
        }

        var items = new List<T>();
        foreach (var child in sequence.Children)
        {
            if (read(child, errors) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static Severity? ReadSeverity(YamlNode node, string name, List<PolicyError> errors)
    {
        var text = Scalar(node, errors, name);
        if (text is null)
        {
            return null;
        }

        if (SeverityExtensions.TryParse(text, out var severity) && severity != Severity.Unknown)
        {
            return severity;
        }

        errors.Add(At(node, $"{name} '{text}' is not a severity: expected low, medium, high or critical."));
        return null;
    }

    private static bool? ReadBool(YamlNode node, string name, List<PolicyError> errors)
    {
        var text = Scalar(node, errors, name);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(At(node, $"{name} '{text}' is not true or false."));
        return null;
    }

    private static TimeSpan? ReadDuration(YamlNode node, string name, List<PolicyError> errors)
    {
        var text = Scalar(node, errors, name);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var duration))
        {
            return duration;
        }

        errors.Add(At(node, $"{name} '{text}' is not a duration: write a number and unit, such as 90m, 72h, 7d or 2w."));
        return null;
    }

    private static DateTimeOffset? ReadDate(YamlNode node, List<PolicyError> errors)
    {
        var text = Scalar(node, errors, "expires");
        if (text is null)
        {
            return null;
        }

        // A bare date means "valid through that day" (UTC): the entry expires at the following midnight.
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && text.Contains('T', StringComparison.Ordinal))
        {
            return instant;
        }

        errors.Add(At(node, $"expires '{text}' is not a date: write 2026-12-31 or 2026-12-31T18:00:00Z."));
        return null;
    }

    private static string? OptionalText(YamlMappingNode map, string key, List<PolicyError> errors)
    {
        if (Get(map, key) is not { } node)
        {
            return null;
        }

        var text = Scalar(node, errors, key);
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static void CheckManifestHeader(YamlMappingNode map, List<PolicyError> errors)
    {
        if (Get(map, "apiVersion") is YamlScalarNode { Value: { } apiVersion } api && apiVersion != V1Alpha1VigilPolicy.ApiVersionText)
        {
            errors.Add(At(api, $"apiVersion '{apiVersion}' is not supported: expected '{V1Alpha1VigilPolicy.ApiVersionText}'."));
        }

        if (Get(map, "kind") is YamlScalarNode { Value: { } kind } kindNode && kind != V1Alpha1VigilPolicy.KindText)
        {
            errors.Add(At(kindNode, $"kind '{kind}' is not a policy: expected '{V1Alpha1VigilPolicy.KindText}'."));
        }
    }

    private static void CheckKeys(YamlMappingNode map, string[] known, List<PolicyError> errors)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                errors.Add(At(key, "Keys must be plain words."));
                continue;
            }

            if (!known.Contains(name, StringComparer.Ordinal))
            {
                var suggestion = known.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? Closest(name, known);
                errors.Add(At(key, suggestion is null
                    ? $"Unknown key '{name}'. Known keys here: {string.Join(", ", known)}."
                    : $"Unknown key '{name}' (did you mean '{suggestion}'?)."));
            }
        }
    }

    private static string? Closest(string name, string[] known)
    {
        var best = known.Select(k => (Key: k, Distance: EditDistance(name.ToUpperInvariant(), k.ToUpperInvariant()))).MinBy(p => p.Distance);
        return best.Distance <= 2 ? best.Key : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode node, List<PolicyError> errors, string name)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        errors.Add(At(node, $"{name} must be a single value, not a {(node is YamlSequenceNode ? "list" : "mapping")}."));
        return null;
    }

    private static T Fail<T>(List<PolicyError> errors, YamlNode node, string message, T fallback)
    {
        errors.Add(At(node, message));
        return fallback;
    }

    private static PolicyError At(YamlNode node, string message) => new((int)node.Start.Line, (int)node.Start.Column, message);

    private static Exception Innermost(Exception e) => e.InnerException is YamlException inner ? Innermost(inner) : e;
}
