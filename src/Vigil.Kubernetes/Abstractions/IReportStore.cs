namespace Vigil.Kubernetes.Abstractions;

/// <summary>
/// Keeps the full result per image (the custom resources only hold a summary). The in-memory store is the default; a
/// persistent store lets a restarted controller re-match instead of pulling every image again.
/// </summary>
public interface IReportStore
{
    /// <summary>The result for <paramref name="key"/>, or null.</summary>
    Task<StoredImageReport?> GetAsync(ImageKey key, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the result for its key.</summary>
    Task SaveAsync(StoredImageReport report, CancellationToken cancellationToken);

    /// <summary>Every key with a stored result.</summary>
    Task<IReadOnlyList<ImageKey>> ListKeysAsync(CancellationToken cancellationToken);
}
