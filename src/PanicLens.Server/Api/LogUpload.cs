using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using PanicLens.Ingest;
using PanicLens.Server.Operations;
using PanicLens.Server.Streaming;

namespace PanicLens.Server.Api;

/// <summary>
/// `POST /api/v1/logs?host=H`: a whole log from an agent or `curl --data-binary @console.log`, read streaming through
/// the pipeline (gzip, xz, zstd, bzip2 recognised by their magic bytes, as `analyze` does), every report stored before
/// the answer lists it: a 200 means stored. The body is bounded (413 past the limit, reports before the cut stored).
/// Needs a write token.
/// </summary>
public static class LogUpload
{
    public const string Source = "upload";
    private const int MaxHostLength = 255;

    public static void Map(IEndpointRouteBuilder app, ReportStorer storer, ServerMetrics metrics, TokenCheck tokens, LiveLimits limits)
    {
        app.MapPost("/api/v1/logs", async (HttpContext http, string? host) =>
        {
            if (string.IsNullOrWhiteSpace(host) || host.Length > MaxHostLength || host.Any(char.IsControl))
                return Results.Problem(statusCode: 400, title: "host: a host name is needed (?host=NAME)");
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limits.MaxUploadBytes;
            // The pipeline reads synchronously; on a pool thread of its own it holds no request thread of others.
            if (http.Features.Get<IHttpBodyControlFeature>() is { } control)
                control.AllowSynchronousIO = true;
            var counted = new CountingStream(http.Request.Body);
            List<StoredEvent> stored;
            try
            {
                stored = await Task.Run(() =>
                {
                    using var text = CompressedInput.Open(counted, "upload");
                    return storer.StoreLog(text, host, Source);
                });
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                metrics.Add("paniclens_drops_total", Source);
                return Results.Problem(statusCode: 413, title: $"the log is larger than {limits.MaxUploadBytes} bytes");
            }
            catch (CorruptArchiveException e)
            {
                metrics.Add("paniclens_parse_errors_total", Source);
                return Results.Problem(statusCode: 400, title: e.Message);
            }
            finally
            {
                metrics.Add("paniclens_packets_total", Source);
                metrics.Add("paniclens_bytes_total", Source, counted.Count);
            }
            return ApiJson.Document(json =>
            {
                json.WriteString("host", host);
                json.WriteStartArray("reports");
                foreach (var report in stored)
                {
                    json.WriteStartObject();
                    json.WriteNumber("id", report.ReportId);
                    json.WriteString("title", report.Title);
                    json.WriteBoolean("new", report.IsNew);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            });
        }).AddEndpointFilterFactory((_, next) => tokens.Require(TokenCheck.Access.Write, next));
    }

    /// <summary>Counts the bytes read through it (the request's compressed size, for the metrics).</summary>
    private sealed class CountingStream(Stream inner) : ReadOnlyStream
    {
        public long Count { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            Count += read;
            return read;
        }
    }
}
