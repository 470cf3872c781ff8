using System.Globalization;
using System.Text.Json.Nodes;

namespace Vigil.Testing.FakeKube;

/// <summary>
/// The state of the fake cluster: objects as JSON, one global resource version, a bounded event history for watches,
/// garbage collection by owner references and CRD registration. One lock guards everything: it is a test double.
/// </summary>
internal sealed class ObjectStore(TimeProvider time, int historyCapacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Group, string Version, string Plural), ResourceType> _types = BuiltInResources.All.ToDictionary(t => (t.Group, t.Version, t.Plural));
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _objects = new(StringComparer.Ordinal);
    private readonly Queue<StoredEvent> _history = new();
    private readonly List<WatchSubscription> _watches = [];
    private long _resourceVersion = 100;
    private long _compactedThrough = 100;

    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    public int WatchCount
    {
        get
        {
            lock (_gate)
            {
                return _watches.Count;
            }
        }
    }

    public ResourceType? Resolve(string group, string version, string plural)
    {
        lock (_gate)
        {
            return _types.GetValueOrDefault((group, version, plural));
        }
    }

    /// <summary>The object as a client sees it under <paramref name="type"/>'s version.</summary>
    public static JsonObject Present(JsonObject stored, ResourceType type)
    {
        var copy = (JsonObject)stored.DeepClone();
        copy["apiVersion"] = type.ApiVersion;
        copy["kind"] = type.Kind;
        return copy;
    }

    public JsonObject Create(ResourceType type, string? ns, JsonObject body)
    {
        lock (_gate)
        {
            var obj = (JsonObject)body.DeepClone();
            var metadata = obj["metadata"] as JsonObject ?? new JsonObject();
            obj["metadata"] = metadata;
            var name = metadata["name"]?.GetValue<string>();
            if (string.IsNullOrEmpty(name))
            {
                var prefix = metadata["generateName"]?.GetValue<string>();
                if (string.IsNullOrEmpty(prefix))
                {
                    throw ApiError.Invalid($"{type.Kind} is invalid: metadata.name: Required value: name or generateName is required");
                }

                name = prefix + Guid.NewGuid().ToString("N")[..5];
                metadata["name"] = name;
            }

            CheckNamespace(type, ns, metadata);
            var bucket = Bucket(type);
            var key = Key(ns, name);
            if (bucket.ContainsKey(key))
            {
                throw ApiError.AlreadyExists(type, name);
            }

            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Timestamp();
            metadata["generation"] = 1L;
            metadata.Remove("deletionTimestamp");
            if (type.HasStatus)
            {
                // Status is written through the status subresource; create resets it as the real strategies do.
                obj["status"] = type.Kind == "Pod" ? new JsonObject { ["phase"] = "Pending" } : new JsonObject();
            }

            if (type == BuiltInResources.CustomResourceDefinitions || type.Plural == "customresourcedefinitions")
            {
                RegisterCustomResource(obj);
            }

            obj["apiVersion"] = type.ApiVersion;
            obj["kind"] = type.Kind;
            bucket[key] = obj;
            Record(type, "ADDED", obj, null);
            return Present(obj, type);
        }
    }

    public JsonObject Get(ResourceType type, string? ns, string name)
    {
        lock (_gate)
        {
            return Present(Find(type, ns, name), type);
        }
    }

    public (IReadOnlyList<JsonObject> Items, long ResourceVersion) List(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields)
    {
        lock (_gate)
        {
            var items = Bucket(type).Values
                .Where(o => (ns is null || Namespace(o) == ns) && labels.Matches(o) && fields.Matches(o))
                .Select(o => Present(o, type))
                .ToList();
            return (items, _resourceVersion);
        }
    }

    /// <summary>PUT: replaces the object (or only its status), with optimistic concurrency on resourceVersion.</summary>
    public JsonObject Update(ResourceType type, string? ns, string name, JsonObject body, bool statusOnly)
    {
        lock (_gate)
        {
            var current = Find(type, ns, name);
            var wanted = body["metadata"]?["resourceVersion"]?.GetValue<string>();
            if (!string.IsNullOrEmpty(wanted) && wanted != current["metadata"]!["resourceVersion"]!.GetValue<string>())
            {
                throw ApiError.Conflict(type, name);
            }

            if (body["metadata"]?["name"]?.GetValue<string>() is { } bodyName && bodyName != name)
            {
                throw ApiError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
            }

            return Present(Store(type, ns, name, current, body, statusOnly), type);
        }
    }

    /// <summary>PATCH: applies <paramref name="patch"/> to the current object, then stores it like an update.</summary>
    public JsonObject Patch(ResourceType type, string? ns, string name, Func<JsonObject, JsonNode> patch, bool statusOnly)
    {
        lock (_gate)
        {
            var current = Find(type, ns, name);
            if (patch(Present(current, type)) is not JsonObject patched)
            {
                throw ApiError.BadRequest("the patch did not produce an object");
            }

            return Present(Store(type, ns, name, current, patched, statusOnly), type);
        }
    }

    public JsonObject Delete(ResourceType type, string? ns, string name, string propagation)
    {
        lock (_gate)
        {
            var current = Find(type, ns, name);
            if (current["metadata"]?["finalizers"] is JsonArray { Count: > 0 })
            {
                // Finalizers hold the object: it is only marked, and removed once they are cleared.
                return Present(Store(type, ns, name, current, current, statusOnly: false, markDeleted: true), type);
            }

            Remove(type, current, propagation);
            return Present(current, type);
        }
    }

    public WatchSubscription Watch(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, string? resourceVersion, bool bookmarks)
    {
        lock (_gate)
        {
            var subscription = new WatchSubscription(type, ns, labels, fields, bookmarks);
            if (string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
            {
                // "Start at most recent": synthetic ADDED events for the current state.
                foreach (var obj in Bucket(type).Values.Where(subscription.Matches))
                {
                    subscription.Write("ADDED", Present(obj, type));
                }
            }
            else
            {
                if (!long.TryParse(resourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var from))
                {
                    throw ApiError.BadRequest($"invalid resource version \"{resourceVersion}\"");
                }

                if (from < _compactedThrough)
                {
                    throw ApiError.Expired($"too old resource version: {from} ({_compactedThrough + 1})");
                }

                foreach (var stored in _history.Where(e => e.ResourceVersion > from))
                {
                    subscription.Deliver(stored);
                }
            }

            _watches.Add(subscription);
            return subscription;
        }
    }

    public void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _watches.Remove(subscription);
            subscription.Complete();
        }
    }

    /// <summary>Sends a BOOKMARK with the current resource version to every watch that allowed them.</summary>
    public void EmitBookmarks()
    {
        lock (_gate)
        {
            foreach (var watch in _watches.Where(w => w.WantsBookmarks))
            {
                watch.Write("BOOKMARK", new JsonObject
                {
                    ["kind"] = watch.Type.Kind,
                    ["apiVersion"] = watch.Type.ApiVersion,
                    ["metadata"] = new JsonObject { ["resourceVersion"] = Rv(_resourceVersion) },
                });
            }
        }
    }

    public int DropWatches()
    {
        lock (_gate)
        {
            var dropped = _watches.ToList();
            foreach (var watch in dropped)
            {
                watch.Dropped.Cancel();
            }

            return dropped.Count;
        }
    }

    /// <summary>Forgets all history: any watch from an older resource version now gets 410 Gone.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            _history.Clear();
            _compactedThrough = _resourceVersion;
        }
    }

    private JsonObject Store(ResourceType type, string? ns, string name, JsonObject current, JsonObject body, bool statusOnly, bool markDeleted = false)
    {
        JsonObject next;
        if (statusOnly)
        {
            next = (JsonObject)current.DeepClone();
            next["status"] = body["status"]?.DeepClone();
        }
        else
        {
            next = (JsonObject)body.DeepClone();
            var metadata = next["metadata"] as JsonObject ?? new JsonObject();
            next["metadata"] = metadata;
            var old = (JsonObject)current["metadata"]!;
            foreach (var immutable in new[] { "uid", "creationTimestamp", "namespace", "name", "generation", "deletionTimestamp" })
            {
                metadata[immutable] = old[immutable]?.DeepClone();
            }

            if (markDeleted)
            {
                metadata["deletionTimestamp"] ??= Timestamp();
            }

            if (type.HasStatus)
            {
                next["status"] = current["status"]?.DeepClone();
            }

            if (!JsonNode.DeepEquals(Spec(current, type), Spec(next, type)))
            {
                metadata["generation"] = long.Parse(old["generation"]?.ToString() ?? "0", CultureInfo.InvariantCulture) + 1;
            }
        }

        next["apiVersion"] = type.ApiVersion;
        next["kind"] = type.Kind;
        next["metadata"]!["resourceVersion"] = current["metadata"]!["resourceVersion"]?.DeepClone();
        if (JsonNode.DeepEquals(next, current))
        {
            // A no-op write changes nothing: no new resource version and no event.
            return current;
        }

        if (next["metadata"]?["deletionTimestamp"] is not null && next["metadata"]?["finalizers"] is not JsonArray { Count: > 0 })
        {
            Remove(type, next, "Background");
            return next;
        }

        Bucket(type)[Key(ns, name)] = next;
        Record(type, "MODIFIED", next, current);
        return next;
    }

    private static JsonObject Spec(JsonObject obj, ResourceType type)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("metadata");
        if (type.HasStatus)
        {
            copy.Remove("status");
        }

        return copy;
    }

    private void Remove(ResourceType type, JsonObject obj, string propagation)
    {
        var bucket = Bucket(type);
        bucket.Remove(Key(Namespace(obj), obj["metadata"]!["name"]!.GetValue<string>()));
        Record(type, "DELETED", obj, null);
        if (type.Plural == "customresourcedefinitions")
        {
            UnregisterCustomResource(obj);
        }

        CollectDependents(obj["metadata"]!["uid"]!.GetValue<string>(), propagation);
    }

    /// <summary>
    /// Garbage collection. Background (default) and Foreground delete dependents whose owners are all gone; Orphan
    /// removes the owner reference instead. Runs right after the owner is gone, so tests are deterministic.
    /// </summary>
    private void CollectDependents(string ownerUid, string propagation)
    {
        var live = _objects.Values.SelectMany(b => b.Values).Select(o => o["metadata"]?["uid"]?.GetValue<string>()).OfType<string>().ToHashSet();
        foreach (var (storageKey, bucket) in _objects.ToList())
        {
            var type = _types.Values.FirstOrDefault(t => t.StorageKey == storageKey);
            if (type is null)
            {
                continue;
            }

            foreach (var dependent in bucket.Values.ToList())
            {
                if (dependent["metadata"]?["ownerReferences"] is not JsonArray owners
                    || !owners.Any(o => o?["uid"]?.GetValue<string>() == ownerUid))
                {
                    continue;
                }

                if (propagation == "Orphan")
                {
                    var orphaned = (JsonObject)dependent.DeepClone();
                    var remaining = new JsonArray([.. owners.Where(o => o?["uid"]?.GetValue<string>() != ownerUid).Select(o => o!.DeepClone())]);
                    orphaned["metadata"]!["ownerReferences"] = remaining;
                    Store(type, Namespace(dependent), dependent["metadata"]!["name"]!.GetValue<string>(), dependent, orphaned, statusOnly: false);
                }
                else if (owners.All(o => !live.Contains(o?["uid"]?.GetValue<string>() ?? string.Empty)))
                {
                    Remove(type, dependent, "Background");
                }
            }
        }
    }

    private void RegisterCustomResource(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? throw ApiError.Invalid("CustomResourceDefinition.spec: Required value");
        var group = spec["group"]?.GetValue<string>() ?? throw ApiError.Invalid("spec.group: Required value");
        var names = spec["names"] as JsonObject ?? throw ApiError.Invalid("spec.names: Required value");
        var plural = names["plural"]?.GetValue<string>() ?? throw ApiError.Invalid("spec.names.plural: Required value");
        var kind = names["kind"]?.GetValue<string>() ?? throw ApiError.Invalid("spec.names.kind: Required value");
        var expectedName = $"{plural}.{group}";
        if (crd["metadata"]?["name"]?.GetValue<string>() != expectedName)
        {
            throw ApiError.Invalid($"metadata.name: Invalid value: must be spec.names.plural+\".\"+spec.group ({expectedName})");
        }

        var namespaced = spec["scope"]?.GetValue<string>() != "Cluster";
        var versions = spec["versions"] as JsonArray ?? throw ApiError.Invalid("spec.versions: Required value");
        foreach (var version in versions.OfType<JsonObject>().Where(v => v["served"]?.GetValue<bool>() != false))
        {
            var name = version["name"]?.GetValue<string>() ?? throw ApiError.Invalid("spec.versions[].name: Required value");
            var hasStatus = version["subresources"]?["status"] is not null;
            _types[(group, name, plural)] = new ResourceType(group, name, plural, kind, namespaced, hasStatus);
        }

        crd["status"] = new JsonObject
        {
            ["acceptedNames"] = names.DeepClone(),
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "NamesAccepted", ["status"] = "True", ["reason"] = "NoConflicts", ["lastTransitionTime"] = Timestamp() },
                new JsonObject { ["type"] = "Established", ["status"] = "True", ["reason"] = "InitialNamesAccepted", ["lastTransitionTime"] = Timestamp() }),
            ["storedVersions"] = new JsonArray([.. versions.OfType<JsonObject>().Where(v => v["storage"]?.GetValue<bool>() == true).Select(v => v["name"]!.DeepClone())]),
        };
    }

    private void UnregisterCustomResource(JsonObject crd)
    {
        var group = crd["spec"]?["group"]?.GetValue<string>();
        var plural = crd["spec"]?["names"]?["plural"]?.GetValue<string>();
        var registered = _types.Where(t => t.Key.Group == group && t.Key.Plural == plural).ToList();
        if (registered.Count == 0)
        {
            return;
        }

        // Deleting a CRD deletes every instance of it.
        foreach (var obj in Bucket(registered[0].Value).Values.ToList())
        {
            Remove(registered[0].Value, obj, "Background");
        }

        foreach (var entry in registered)
        {
            _types.Remove(entry.Key);
        }
    }

    private void Record(ResourceType type, string eventType, JsonObject obj, JsonObject? previous)
    {
        _resourceVersion++;
        obj["metadata"]!["resourceVersion"] = Rv(_resourceVersion);
        var stored = new StoredEvent(_resourceVersion, type.StorageKey, eventType, (JsonObject)obj.DeepClone(), previous);
        _history.Enqueue(stored);
        while (_history.Count > historyCapacity)
        {
            _compactedThrough = _history.Dequeue().ResourceVersion;
        }

        foreach (var watch in _watches)
        {
            watch.Deliver(stored);
        }
    }

    private static void CheckNamespace(ResourceType type, string? ns, JsonObject metadata)
    {
        if (!type.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }

        if (ns is null)
        {
            throw ApiError.BadRequest($"{type.Kind} must be created in a namespace");
        }

        var bodyNamespace = metadata["namespace"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != ns)
        {
            throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = ns;
    }

    private JsonObject Find(ResourceType type, string? ns, string name) =>
        Bucket(type).TryGetValue(Key(type.Namespaced ? ns : null, name), out var obj) ? obj : throw ApiError.NotFound(type, name);

    private SortedDictionary<string, JsonObject> Bucket(ResourceType type)
    {
        if (!_objects.TryGetValue(type.StorageKey, out var bucket))
        {
            bucket = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _objects[type.StorageKey] = bucket;
        }

        return bucket;
    }

    private static string Key(string? ns, string name) => $"{ns}/{name}";

    private static string? Namespace(JsonObject obj) => obj["metadata"]?["namespace"]?.GetValue<string>();

    private static string Rv(long value) => value.ToString(CultureInfo.InvariantCulture);

    private string Timestamp() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
