using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PanicLens.Analysis;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// Source-generated JSON for a report's `diagnosis`: its metadata is compiled in, so a cold `analyze --format json`
/// builds no serializer by reflection (nor emits one), and a trimmed build keeps it.
/// </summary>
[JsonSerializable(typeof(Diagnosis))]
internal sealed partial class DiagnosisJsonContext : JsonSerializerContext
{
    /// <summary>camelCase names and enum values, null fields written, log text left readable (no \u escapes).</summary>
    public static DiagnosisJsonContext CamelCase { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
