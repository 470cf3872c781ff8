using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Vigil.Testing.FakeKube;

/// <summary>One open watch: its filter and the queue of JSON lines still to be written to the client.</summary>
internal sealed class WatchSubscription(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, bool bookmarks)
    : IDisposable
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    public ResourceType Type { get; } = type;

    public bool WantsBookmarks { get; } = bookmarks;

    /// <summary>Cancelled by the test hook that drops every watch connection.</summary>
    public CancellationTokenSource Dropped { get; } = new();

    public ChannelReader<string> Lines => _lines.Reader;

    public bool Matches(JsonObject obj) =>
        (ns is null || obj["metadata"]?["namespace"]?.GetValue<string>() == ns) && labels.Matches(obj) && fields.Matches(obj);

    /// <summary>Queues the event as this watcher sees it: an object entering or leaving the selection is ADDED or DELETED.</summary>
    public void Deliver(StoredEvent stored)
    {
        if (stored.StorageKey != Type.StorageKey)
        {
            return;
        }

        var now = Matches(stored.Object);
        var before = stored.Previous is not null && Matches(stored.Previous);
        var type = stored.Type switch
        {
            "ADDED" when now => "ADDED",
            "MODIFIED" when now && before => "MODIFIED",
            "MODIFIED" when now => "ADDED",
            "MODIFIED" when before => "DELETED",
            "DELETED" when now => "DELETED",
            _ => null,
        };
        if (type is not null)
        {
            Write(type, ObjectStore.Present(stored.Object, Type));
        }
    }

    public void Write(string type, JsonObject obj) =>
        _lines.Writer.TryWrite(new JsonObject { ["type"] = type, ["object"] = obj }.ToJsonString());

    public void Complete() => _lines.Writer.TryComplete();

    public void Dispose() => Dropped.Dispose();
}
