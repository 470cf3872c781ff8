using System.Text.Json.Nodes;

namespace Vigil.Testing.FakeKube;

/// <summary>A failure answered as a <c>Status</c> object, as the real API server does.</summary>
internal sealed class ApiError(int code, string reason, string message) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public static ApiError NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.Plural}{(type.Group.Length > 0 ? "." + type.Group : "")} \"{name}\" not found");

    public static ApiError AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.Plural}{(type.Group.Length > 0 ? "." + type.Group : "")} \"{name}\" already exists");

    public static ApiError Conflict(ResourceType type, string name) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.Plural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again");

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError Invalid(string message) => new(422, "Invalid", message);

    public static ApiError Expired(string message) => new(410, "Expired", message);

    public JsonObject ToStatus() => StatusOf(Code, Reason, Message);

    public static JsonObject StatusOf(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };
}
