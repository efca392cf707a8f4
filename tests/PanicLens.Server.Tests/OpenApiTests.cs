using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.AspNetCore.Routing;

namespace PanicLens.Server.Tests;

/// <summary>
/// The OpenAPI description at `/openapi/v1.json` against the running server: every mapped `/api` route is described
/// (and nothing unmapped is), and real answers validate against the schemas the description gives them.
/// </summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private TestServer server = null!;
    private JsonObject document = null!;

    public async Task InitializeAsync()
    {
        server = await TestServer.Start("sqlite");
        using var anonymous = new HttpClient { BaseAddress = server.Server.Address };
        using var response = await anonymous.GetAsync("/openapi/v1.json");
        // No token needed: the description holds no data.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public void Every_mapped_api_route_is_described_and_every_described_route_is_mapped()
    {
        Assert.Equal("3.1.0", (string?)document["openapi"]);
        var mapped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in server.Server.Endpoints.OfType<RouteEndpoint>())
        {
            var path = Regex.Replace(endpoint.RoutePattern.RawText ?? "", @"\{(\w+):[^}]+\}", "{$1}");
            if (!path.StartsWith('/'))
                path = "/" + path;
            if (!path.StartsWith("/api/", StringComparison.Ordinal) && path is not ("/healthz" or "/metrics" or "/openapi/v1.json"))
                continue;
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                mapped.Add($"{method} {path}");
        }
        var described = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, operations) in document["paths"]!.AsObject())
            foreach (var (method, _) in operations!.AsObject())
                described.Add($"{method.ToUpperInvariant()} {path}");
        Assert.Contains("GET /api/v1/reports/{id}", mapped);
        Assert.Equal(mapped, described);
    }

    [Fact]
    public async Task Real_answers_validate_against_their_described_schemas()
    {
        var upload = await server.Http.PostAsync("/api/v1/logs?host=web-01", new ByteArrayContent(File.ReadAllBytes(Replay.Seed)));
        var uploaded = await Validated(upload, "/api/v1/logs", "post");
        var id = uploaded.GetProperty("reports")[0].GetProperty("id").GetInt64();
        var buckets = await Validated(await server.Http.GetAsync("/api/v1/buckets"), "/api/v1/buckets", "get");
        var bucket = buckets.GetProperty("buckets")[0].GetProperty("id").GetString();
        await Validated(await server.Http.GetAsync("/api/v1/buckets/" + bucket), "/api/v1/buckets/{id}", "get");
        await Validated(await server.Http.GetAsync("/api/v1/reports?host=web-01&limit=1"), "/api/v1/reports", "get");
        var report = await Validated(await server.Http.GetAsync("/api/v1/reports/" + id), "/api/v1/reports/{id}", "get");
        Assert.Equal("BUG: unable to handle kernel paging request in ipv6_addr_copy", report.GetProperty("analysis").GetProperty("title").GetString());
        await Validated(await server.Http.GetAsync("/api/v1/hosts"), "/api/v1/hosts", "get");
        await Validated(await server.Http.GetAsync("/api/v1/reports/987654321"), "/api/v1/reports/{id}", "get", "404");
        using var anonymous = new HttpClient { BaseAddress = server.Server.Address };
        await Validated(await anonymous.GetAsync("/api/v1/hosts"), "/api/v1/hosts", "get", "401");
    }

    [Fact]
    public async Task An_answer_without_a_required_field_or_with_an_undescribed_one_does_not_validate()
    {
        await server.Http.PostAsync("/api/v1/logs?host=web-01", new ByteArrayContent(File.ReadAllBytes(Replay.Seed)));
        var body = JsonNode.Parse(await server.Http.GetStringAsync("/api/v1/reports"))!;
        var schema = Schema("/api/v1/reports", "get", "200", "application/json");
        Assert.True(Valid(schema, body), "the real answer validates");
        var missing = body.DeepClone();
        missing["reports"]![0]!.AsObject().Remove("bucket");
        Assert.False(Valid(schema, missing));
        var extra = body.DeepClone();
        extra["reports"]![0]!["undocumented"] = 1;
        Assert.False(Valid(schema, extra));
        var wrongType = body.DeepClone();
        wrongType["reports"]![0]!["lossy"] = "no";
        Assert.False(Valid(schema, wrongType));
    }

    private async Task<JsonElement> Validated(HttpResponseMessage response, string path, string method, string status = "200")
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) == status, $"{method} {path}: {(int)response.StatusCode} {text}");
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            var schema = Schema(path, method, status, mediaType);
            var evaluation = schema.Evaluate(JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(evaluation.IsValid, $"{method} {path} {status} does not match its schema:\n{Errors(evaluation)}\n{text[..Math.Min(text.Length, 2000)]}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>The response schema the description gives, as a JSON Schema 2020-12 with the components as its `$defs`.</summary>
    private JsonSchema Schema(string path, string method, string status, string mediaType)
    {
        var content = document["paths"]?[path]?[method]?["responses"]?[status]?["content"]?[mediaType]?["schema"];
        Assert.True(content is not null, $"no schema described for {method} {path} {status} {mediaType}");
        var wrapper = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = document["components"]!["schemas"]!.DeepClone(),
        };
        foreach (var (name, value) in content.AsObject())
            wrapper[name] = value?.DeepClone();
        var text = wrapper.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, baseUri: new Uri($"https://paniclens.test/{Guid.NewGuid():N}"));
    }

    private static bool Valid(JsonSchema schema, JsonNode instance) =>
        schema.Evaluate(JsonDocument.Parse(instance.ToJsonString()).RootElement).IsValid;

    private static string Errors(EvaluationResults results)
    {
        var text = new StringBuilder();
        foreach (var detail in results.Details ?? [])
            foreach (var (keyword, error) in detail.Errors ?? new Dictionary<string, string>())
                text.Append(detail.InstanceLocation.ToString()).Append(' ').Append(keyword).Append(": ").AppendLine(error);
        return text.ToString();
    }
}
