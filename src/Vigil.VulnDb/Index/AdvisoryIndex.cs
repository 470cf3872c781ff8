using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Vigil.Core;
using Vigil.VulnDb.Naming;
using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Ranges;
using Vigil.VulnDb.Storage;

namespace Vigil.VulnDb.Index;

/// <summary>
/// <see cref="IAdvisoryIndex"/> over an <see cref="IAdvisoryStore"/>: per ecosystem it first loads the set of package names
/// that have advisories (most installed packages have none, and need no query), then loads and compiles the records of
/// each name on first use. Everything is dropped when the store reports a new version (event or poll).
/// </summary>
/// <remarks>Thread-safe. A snapshot swap makes invalidation atomic: a lookup sees either the old or the new cache.</remarks>
public sealed class AdvisoryIndex : IAdvisoryIndex, IDisposable
{
    private readonly IAdvisoryStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly AdvisoryIndexOptions _options;
    private Snapshot _snapshot = new(null);
    private long _lastCheck = long.MinValue;

    /// <summary>Creates an index over <paramref name="store"/>.</summary>
    public AdvisoryIndex(IAdvisoryStore store, IOptions<AdvisoryIndexOptions>? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _options = options?.Value ?? new AdvisoryIndexOptions();
        _store.Changed += OnChanged;
    }

    /// <inheritdoc/>
    public async ValueTask<AdvisoryDbVersion> RefreshAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var now = _timeProvider.GetTimestamp();
        if (snapshot.Version is { } known && _timeProvider.GetElapsedTime(Interlocked.Read(ref _lastCheck), now) < _options.VersionCheckInterval)
        {
            return known;
        }

        var version = await _store.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _lastCheck, now);
        if (snapshot.Version?.Fingerprint != version.Fingerprint)
        {
            Interlocked.CompareExchange(ref _snapshot, new Snapshot(version), snapshot);
        }

        return version;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<IndexedAdvisory>> FindAsync(Ecosystem ecosystem, string packageName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packageName);
        var snapshot = Volatile.Read(ref _snapshot);
        var key = PackageNames.Normalize(ecosystem.Name, packageName);
        if (snapshot.Advisories.TryGetValue((ecosystem.Name, key), out var loaded))
        {
            return await loaded.ConfigureAwait(false);
        }

        var names = await snapshot.Names.GetOrAdd(ecosystem.Name, e => _store.GetPackageNamesAsync(e, CancellationToken.None)).ConfigureAwait(false);
        if (!names.Contains(key))
        {
            return [];
        }

        return await snapshot.Advisories.GetOrAdd((ecosystem.Name, key), k => LoadAsync(k.Ecosystem, k.Name)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask PrefetchAsync(IEnumerable<(Ecosystem Ecosystem, string PackageName)> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var snapshot = Volatile.Read(ref _snapshot);
        foreach (var group in packages.GroupBy(p => p.Ecosystem.Name, p => p.PackageName, StringComparer.Ordinal))
        {
            var ecosystemName = group.Key;
            if (string.IsNullOrWhiteSpace(ecosystemName))
            {
                continue;
            }

            var known = snapshot.Names.TryGetValue(ecosystemName, out var namesTask) && namesTask.IsCompletedSuccessfully ? namesTask.Result : null;
            var missing = group
                .Select(name => PackageNames.Normalize(ecosystemName, name))
                .Distinct(StringComparer.Ordinal)
                .Where(name => !snapshot.Advisories.ContainsKey((ecosystemName, name)) && (known is null || known.Contains(name)))
                .ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var records = await _store.FindManyAsync(ecosystemName, missing, cancellationToken).ConfigureAwait(false);
            foreach (var name in missing)
            {
                // Names without records are cached as empty too: no per-name query and no names scan for them later.
                var compiled = records.TryGetValue(name, out var list) ? Compile(ecosystemName, name, list) : [];
                snapshot.Advisories.TryAdd((ecosystemName, name), Task.FromResult<IReadOnlyList<IndexedAdvisory>>(compiled));
            }
        }
    }

    /// <summary>Stops listening to the store.</summary>
    public void Dispose() => _store.Changed -= OnChanged;

    private async Task<IReadOnlyList<IndexedAdvisory>> LoadAsync(string ecosystemName, string name)
    {
        // Loads are shared between callers, so one caller's cancellation must not fail the others: no token here.
        var records = await _store.FindAsync(ecosystemName, name, CancellationToken.None).ConfigureAwait(false);
        return Compile(ecosystemName, name, records);
    }

    private static List<IndexedAdvisory> Compile(string ecosystemName, string name, IReadOnlyList<OsvRecord> records)
    {
        var advisories = new List<IndexedAdvisory>(records.Count);
        foreach (var record in records)
        {
            var entries = new List<IndexedAffected>();
            foreach (var affected in record.Affected ?? [])
            {
                if (affected.Package is not { } package)
                {
                    continue;
                }

                var ecosystem = Ecosystem.Parse(package.Ecosystem);
                if (ecosystem.Name == ecosystemName && PackageNames.Normalize(ecosystemName, package.Name) == name)
                {
                    entries.Add(new IndexedAffected(ecosystem, new AffectedPackageEvaluator(affected, ecosystem)));
                }
            }

            if (entries.Count > 0)
            {
                advisories.Add(new IndexedAdvisory(record, entries));
            }
        }

        return advisories;
    }

    private void OnChanged(object? sender, AdvisoryDbChangedEventArgs e) => Volatile.Write(ref _snapshot, new Snapshot(e.Version));

    private sealed class Snapshot(AdvisoryDbVersion? version)
    {
        public AdvisoryDbVersion? Version { get; } = version;

        public ConcurrentDictionary<string, Task<IReadOnlySet<string>>> Names { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<(string Ecosystem, string Name), Task<IReadOnlyList<IndexedAdvisory>>> Advisories { get; } = new();
    }
}
