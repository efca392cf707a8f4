using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PanicLens.Storage;

namespace PanicLens.Server.Api;

/// <summary>The API's JSON documents, written with the store verbs' settings (`{"schemaVersion":1, ...}`).</summary>
public static class ApiJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Document(Action<Utf8JsonWriter> body) => Results.Stream(async output =>
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            body(json);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        buffer.Position = 0;
        await buffer.CopyToAsync(output);
    }, "application/json");

    /// <summary>A report as `GET /api/v1/reports` lists it.</summary>
    public static void Report(Utf8JsonWriter json, StoredReport report, IReadOnlyList<ReportSource> sources)
    {
        json.WriteNumber("id", report.Id);
        json.WriteString("host", report.Host);
        json.WriteString("title", report.Title);
        json.WriteString("type", report.Type);
        json.WriteString("kernel", report.Kernel);
        json.WriteString("loggedAt", report.Timestamp);
        json.WriteString("receivedAt", sources.Count > 0 ? sources[0].ReceivedAt : report.FoundAt);
        json.WriteStartArray("sources");
        if (sources.Count == 0)
            json.WriteStringValue("scan:" + report.Path);
        foreach (var source in sources)
            json.WriteStringValue(source.Source);
        json.WriteEndArray();
        var lossy = false;
        foreach (var source in sources)
            lossy |= source.Lossy;
        json.WriteBoolean("lossy", lossy && !AnyWhole(sources));
        json.WriteString("bucket", report.BucketId);
        json.WriteString("knownIssue", report.KnownIssue);
    }

    /// <summary>A report is whole when one source delivered it without loss.</summary>
    private static bool AnyWhole(IReadOnlyList<ReportSource> sources)
    {
        foreach (var source in sources)
            if (!source.Lossy)
                return true;
        return false;
    }
}
