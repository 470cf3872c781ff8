using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Vigil.Testing.FakeKube;

/// <summary>Turns HTTP requests into store operations and answers in the API server's JSON shapes.</summary>
internal sealed class ApiRequestHandler(ObjectStore store, Action<FakeKubeRequest> onRequest, Action<Exception> onFault, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isWatch = request.Query["watch"] is var w && (w == "true" || w == "1");
        onRequest(new FakeKubeRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, isWatch));
        try
        {
            if (request.Path == "/version")
            {
                await WriteAsync(context, 200, new JsonObject { ["major"] = "1", ["minor"] = "34", ["gitVersion"] = "v1.34.0-vigil-fake" });
                return;
            }

            var path = ApiPath.Parse(request.Path.Value ?? "/") ?? throw new ApiError(404, "NotFound", "the server could not find the requested resource");
            var type = store.Resolve(path.Group, path.Version, path.Plural)
                ?? throw new ApiError(404, "NotFound", $"the server could not find the requested resource ({path.Plural}.{path.Group}/{path.Version})");
            var ns = type.Namespaced ? path.Namespace : null;
            if (!type.Namespaced && path.Namespace is not null)
            {
                throw new ApiError(404, "NotFound", $"{type.Plural} is not namespaced");
            }

            var statusOnly = path.Subresource == "status";
            if (path.Subresource is not null && !(statusOnly && type.HasStatus))
            {
                throw new ApiError(404, "NotFound", $"{type.Plural}/{path.Subresource}: subresource not found");
            }

            switch (request.Method)
            {
                case "GET" when path.Name is null && isWatch:
                    await WatchAsync(context, type, ns);
                    break;
                case "GET" when path.Name is null:
                    await ListAsync(context, type, ns);
                    break;
                case "GET":
                    await WriteAsync(context, 200, store.Get(type, ns, path.Name));
                    break;
                case "POST" when path.Name is null:
                    await WriteAsync(context, 201, store.Create(type, ns, await ReadObjectAsync(request)));
                    break;
                case "PUT" when path.Name is not null:
                    await WriteAsync(context, 200, store.Update(type, ns, path.Name, await ReadObjectAsync(request), statusOnly));
                    break;
                case "PATCH" when path.Name is not null:
                    await PatchAsync(context, type, ns, path.Name, statusOnly);
                    break;
                case "DELETE" when path.Name is not null:
                    await WriteAsync(context, 200, store.Delete(type, ns, path.Name, await PropagationAsync(request)));
                    break;
                default:
                    throw new ApiError(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource");
            }
        }
        catch (ApiError error) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, error.Code, error.ToStatus());
        }
        catch (JsonException error) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, 400, ApiError.StatusOf(400, "BadRequest", $"the body of the request was in an unknown format: {error.Message}"));
        }
        catch (Exception error) when (error is not ApiError)
        {
            // A bug in the fake itself: tests can assert that none happened.
            onFault(error);
            if (!context.Response.HasStarted)
            {
                await WriteAsync(context, 500, ApiError.StatusOf(500, "InternalError", error.ToString()));
            }
        }
    }

    private async Task ListAsync(HttpContext context, ResourceType type, string? ns)
    {
        var query = context.Request.Query;
        var (items, resourceVersion) = store.List(type, ns, LabelSelector.Parse(query["labelSelector"]), FieldSelector.Parse(query["fieldSelector"]));
        var array = new JsonArray();
        foreach (var item in items)
        {
            if (type.Group.Length == 0 || !type.Group.Contains('.', StringComparison.Ordinal) || type.Group.EndsWith(".k8s.io", StringComparison.Ordinal))
            {
                // Built-in lists leave kind and apiVersion off their items; custom resources keep them.
                item.Remove("kind");
                item.Remove("apiVersion");
            }

            array.Add(item);
        }

        await WriteAsync(context, 200, new JsonObject
        {
            ["kind"] = type.Kind + "List",
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = array,
        });
    }

    private async Task WatchAsync(HttpContext context, ResourceType type, string? ns)
    {
        var query = context.Request.Query;
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        WatchSubscription subscription;
        try
        {
            subscription = store.Watch(type, ns, LabelSelector.Parse(query["labelSelector"]), FieldSelector.Parse(query["fieldSelector"]),
                query["resourceVersion"], query["allowWatchBookmarks"] == "true");
        }
        catch (ApiError error) when (error.Code == 410)
        {
            // A watch from a compacted resource version is accepted, then ends with an ERROR event holding the 410 Status.
            await response.WriteAsync(new JsonObject { ["type"] = "ERROR", ["object"] = error.ToStatus() }.ToJsonString() + "\n");
            return;
        }

        using (subscription)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, subscription.Dropped.Token, stopping);
            if (int.TryParse(query["timeoutSeconds"], out var timeout) && timeout > 0)
            {
                linked.CancelAfter(TimeSpan.FromSeconds(timeout));
            }

            try
            {
                await response.Body.FlushAsync(linked.Token);
                await foreach (var line in subscription.Lines.ReadAllAsync(linked.Token))
                {
                    await response.WriteAsync(line + "\n", linked.Token);
                    if (subscription.Lines.Count == 0)
                    {
                        await response.Body.FlushAsync(linked.Token);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Timeout, client gone, server stopping or a dropped connection.
            }
            catch (IOException)
            {
                // The client went away mid-write.
            }
            finally
            {
                store.Unsubscribe(subscription);
            }

            if (subscription.Dropped.IsCancellationRequested)
            {
                // Simulates a broken connection rather than a clean end of stream.
                context.Abort();
            }
        }
    }

    private async Task PatchAsync(HttpContext context, ResourceType type, string? ns, string name, bool statusOnly)
    {
        var contentType = context.Request.ContentType ?? string.Empty;
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        Func<JsonObject, JsonNode> apply;
        if (contentType.StartsWith("application/json-patch+json", StringComparison.Ordinal))
        {
            var operations = body as JsonArray ?? throw ApiError.BadRequest("a JSON patch must be an array of operations");
            apply = current => JsonPatches.Apply(current, operations);
        }
        else if (contentType.StartsWith("application/merge-patch+json", StringComparison.Ordinal)
            || contentType.StartsWith("application/strategic-merge-patch+json", StringComparison.Ordinal))
        {
            // Strategic merge is served as a plain merge patch: lists are replaced, not merged by key.
            apply = current => JsonPatches.Merge(current, body) ?? throw ApiError.BadRequest("the patch removed the object");
        }
        else
        {
            throw new ApiError(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json (got '{contentType}')");
        }

        await WriteAsync(context, 200, store.Patch(type, ns, name, apply, statusOnly));
    }

    private static async Task<string> PropagationAsync(HttpRequest request)
    {
        if (request.Query["propagationPolicy"] is { Count: > 0 } fromQuery)
        {
            return fromQuery.ToString();
        }

        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var body = await JsonNode.ParseAsync(request.Body);
            if (body?["propagationPolicy"]?.GetValue<string>() is { } fromBody)
            {
                return fromBody;
            }
        }

        return "Background";
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpRequest request) =>
        await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
        ?? throw ApiError.BadRequest("the body of the request must be a JSON object");

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
