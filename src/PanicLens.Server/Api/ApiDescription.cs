using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PanicLens.Server.Api;

/// <summary>
/// `GET /openapi/v1.json`: the API's OpenAPI 3.1 description, kept by hand beside the endpoints (Api/openapi-v1.json).
/// Hand-kept because the answers are written field by field (the bucket object by the CLI's own writer), so a generator
/// would find no types to describe; a test holds it to the mapped routes and validates real answers against it.
/// Served without a token: it describes shapes and holds no data.
/// </summary>
public static class ApiDescription
{
    public const string Path = "/openapi/v1.json";

    public static byte[] Document { get; } = Read();

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, () => Results.Bytes(Document, "application/json"));

    private static byte[] Read()
    {
        using var stream = typeof(ApiDescription).Assembly.GetManifestResourceStream("openapi-v1.json")
            ?? throw new InvalidOperationException("openapi-v1.json is not embedded in PanicLens.Server");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
