using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;
using Vigil.Core;
using Vigil.Web.Api;

namespace Vigil.Web;

/// <summary>Registers the dashboard and its API. The results store (<c>IResultReader</c>) is registered separately.</summary>
public static class VigilWebServiceCollectionExtensions
{
    /// <summary>Adds the dashboard's options, JSON settings and OpenAPI document.</summary>
    public static IServiceCollection AddVigilWeb(this IServiceCollection services, Action<VigilWebOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<VigilWebOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.TrendDays is > 0 and <= 3660 && o.WorstWorkloads is > 0 and <= 1000 && o.SearchLimit is > 0 and <= 5000, "TrendDays, WorstWorkloads or SearchLimit is out of range.");
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.Converters.Add(new DigestJsonConverter());
            json.SerializerOptions.Converters.Add(new PlatformJsonConverter());
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddOpenApi("v1", openApi =>
        {
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Vigil API",
                    Version = "v1",
                    Description = "Read-only: which known vulnerabilities run in your clusters, where, and what to do about them.",
                };
                return Task.CompletedTask;
            });
            openApi.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (type == typeof(Digest) || type == typeof(Digest?) || type == typeof(Platform))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Properties?.Clear();
                    schema.Required?.Clear();
                    schema.Description = type == typeof(Platform) ? "os/arch[/variant], e.g. linux/amd64" : "sha256:<64 hex digits>";
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }
}
