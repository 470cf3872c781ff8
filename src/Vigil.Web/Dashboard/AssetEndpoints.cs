namespace Vigil.Web.Dashboard;

/// <summary>Serves the stylesheet embedded in this assembly: no files to deploy, nothing from the network.</summary>
internal static class AssetEndpoints
{
    private static readonly Lazy<byte[]> Stylesheet = new(() => Load("vigil.css"));
    private static readonly Lazy<string> StylesheetTag = new(() => "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Stylesheet.Value))[..16] + "\"");

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(DashboardRoutes.Stylesheet, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            context.Response.Headers.ETag = StylesheetTag.Value;
            if (context.Request.Headers.IfNoneMatch == StylesheetTag.Value)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(AssetEndpoints).Assembly.GetManifestResourceStream("Vigil.Web.Assets." + name)
            ?? throw new InvalidOperationException($"Embedded asset {name} is missing from the build.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
