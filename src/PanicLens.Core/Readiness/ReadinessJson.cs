using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PanicLens.Readiness;

/// <summary>
/// The `check --format json` document: written for one host, read back by `paniclens exposure` for many.
/// Status and enum values are lower case ("pass", "rhel"); unreadable facts are null, never left out.
/// </summary>
public static class ReadinessJson
{
    // Evidence quotes shell commands and config lines: keep `, ', <, > readable instead of \u0060 escapes.
    private static readonly ReadinessJsonContext Context = new(new JsonSerializerOptions(ReadinessJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Write(ReadinessReport report, Stream output) =>
        JsonSerializer.Serialize(output, report, Context.ReadinessReport);

    public static string Serialize(ReadinessReport report) =>
        JsonSerializer.Serialize(report, Context.ReadinessReport);

    /// <summary>Reads one document; a malformed one or an unsupported schema version throws <see cref="JsonException"/>.</summary>
    public static ReadinessReport Read(Stream input)
    {
        var report = JsonSerializer.Deserialize(input, Context.ReadinessReport)
            ?? throw new JsonException("the document is JSON null");
        if (report.SchemaVersion != ReadinessReport.CurrentSchemaVersion)
            throw new JsonException($"schemaVersion {report.SchemaVersion} is not supported (this build reads {ReadinessReport.CurrentSchemaVersion})");
        return report;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    Converters = [typeof(CamelCaseEnumConverter<CheckStatus>), typeof(CamelCaseEnumConverter<DistroFamily>)])]
[JsonSerializable(typeof(ReadinessReport))]
internal sealed partial class ReadinessJsonContext : JsonSerializerContext;
