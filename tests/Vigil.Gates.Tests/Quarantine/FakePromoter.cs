using System.Collections.Concurrent;
using Vigil.Core;
using Vigil.Gates.Abstractions;

namespace Vigil.Gates.Tests.Quarantine;

/// <summary>Records promotions and deletions; can fail a number of times first.</summary>
internal sealed class FakePromoter : IRegistryPromoter
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public int FailuresLeft { get; set; }

    public Task PromoteAsync(string registry, string sourceRepository, Digest digest, string targetRepository, string targetTag, CancellationToken cancellationToken)
    {
        if (FailuresLeft-- > 0)
        {
            throw new HttpRequestException("registry unavailable");
        }

        Calls.Enqueue($"promote {registry}/{sourceRepository}@{digest.Short} -> {targetRepository}:{targetTag}");
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string registry, string repository, Digest digest, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"delete {registry}/{repository}@{digest.Short}");
        return Task.CompletedTask;
    }
}
