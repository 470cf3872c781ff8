using Vigil.Core;
using Vigil.Gates.Abstractions;

namespace Vigil.Gates.Tests.Admission;

internal sealed class FakeDigestResolver : IDigestResolver
{
    public Dictionary<string, Digest> Tags { get; } = [];

    public TimeSpan Delay { get; set; }

    public async Task<Digest?> ResolveAsync(string repository, string tag, CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return Tags.TryGetValue($"{repository}:{tag}", out var digest) ? digest : null;
    }
}
