using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PanicLens.Storage;

namespace PanicLens.Server.Api;

/// <summary>
/// The read API under `/api/v1`: buckets (the objects `paniclens buckets --format json` prints), one bucket with its
/// latest reports, reports by host or bucket (paged by id: `next` is the `before` of the next page), one report with
/// its stored analysis and raw text, hosts. Every endpoint needs a token; the OpenAPI description (<see cref="ApiDescription"/>)
/// says what each answers.
/// </summary>
public static class ApiEndpoints
{
    private const int MaxPage = 500;

    public static void Map(IEndpointRouteBuilder app, ICrashStore store, ScanContract contract, TokenCheck tokens)
    {
        ApiDescription.Map(app);
        var api = app.MapGroup("/api/v1").AddEndpointFilterFactory((_, next) => tokens.Require(TokenCheck.Access.Read, next));

        api.MapGet("/buckets", (string? since, string? host, string? kernel, int? limit, int? offset) =>
        {
            var all = store.Buckets(new BucketFilter(since, host, kernel));
            var (from, count) = Page(all.Count, limit, offset);
            return ApiJson.Document(json =>
            {
                json.WriteStartArray("buckets");
                for (var i = from; i < from + count; i++)
                    contract.WriteBucket(json, all[i]);
                json.WriteEndArray();
                json.WriteNumber("total", all.Count);
                if (from + count < all.Count)
                    json.WriteNumber("next", from + count);
                else
                    json.WriteNull("next");
            });
        });

        api.MapGet("/buckets/{id}", (string id, int? limit) =>
        {
            if (store.FindBucket(id) is not { } bucket)
                return Results.Problem(statusCode: 404, title: $"no bucket {id}");
            var reports = store.BucketReports(id, Math.Clamp(limit ?? 50, 1, MaxPage));
            return ApiJson.Document(json =>
            {
                json.WritePropertyName("bucket");
                contract.WriteBucket(json, bucket);
                WriteReports(json, store, reports);
            });
        });

        api.MapGet("/reports", (string? host, string? bucket, long? before, int? limit) =>
        {
            var size = Math.Clamp(limit ?? 50, 1, MaxPage);
            var reports = store.Reports(new ReportFilter(host, bucket, before, size));
            return ApiJson.Document(json =>
            {
                WriteReports(json, store, reports);
                if (reports.Count == size)
                    json.WriteNumber("next", reports[^1].Id);
                else
                    json.WriteNull("next");
            });
        });

        api.MapGet("/reports/{id:long}", (long id) =>
        {
            if (store.FindReport(id) is not { } report)
                return Results.Problem(statusCode: 404, title: $"no report {id.ToString(CultureInfo.InvariantCulture)}");
            return ApiJson.Document(json =>
            {
                json.WriteStartObject("report");
                ApiJson.Report(json, report, store.Sources(report.Id));
                json.WriteEndObject();
                json.WritePropertyName("analysis");
                if (report.ReportJson is { } analysis)
                    json.WriteRawValue(analysis);
                else
                    json.WriteNullValue();
                json.WriteString("rawText", report.RawText);
            });
        });

        api.MapGet("/hosts", () =>
        {
            var hosts = store.Hosts();
            return ApiJson.Document(json =>
            {
                json.WriteStartArray("hosts");
                foreach (var host in hosts)
                {
                    json.WriteStartObject();
                    json.WriteString("name", host.Name);
                    json.WriteNumber("reports", host.Reports);
                    json.WriteString("lastCrash", host.LastCrash);
                    json.WriteString("lastTitle", host.LastTitle);
                    json.WriteString("lastKernel", host.LastKernel);
                    json.WriteString("lastBoot", host.LastBoot);
                    json.WriteString("lastBootKernel", host.LastBootKernel);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            });
        });
    }

    private static void WriteReports(System.Text.Json.Utf8JsonWriter json, ICrashStore store, IReadOnlyList<StoredReport> reports)
    {
        json.WriteStartArray("reports");
        foreach (var report in reports)
        {
            json.WriteStartObject();
            ApiJson.Report(json, report, store.Sources(report.Id));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static (int From, int Count) Page(int total, int? limit, int? offset)
    {
        var from = Math.Clamp(offset ?? 0, 0, total);
        return (from, Math.Min(Math.Clamp(limit ?? 100, 1, MaxPage), total - from));
    }
}
