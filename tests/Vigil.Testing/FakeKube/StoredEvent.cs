using System.Text.Json.Nodes;

namespace Vigil.Testing.FakeKube;

/// <summary>One change in the bounded event history that watches replay from.</summary>
/// <param name="ResourceVersion">The resource version the change produced.</param>
/// <param name="StorageKey">Which resource changed.</param>
/// <param name="Type">ADDED, MODIFIED or DELETED.</param>
/// <param name="Object">The object after the change (for DELETED, its last state).</param>
/// <param name="Previous">The object before a modification, so selector-based watches can see it leave.</param>
internal sealed record StoredEvent(long ResourceVersion, string StorageKey, string Type, JsonObject Object, JsonObject? Previous);
