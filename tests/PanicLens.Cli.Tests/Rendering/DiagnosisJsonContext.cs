using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PanicLens.Analysis;

namespace PanicLens.Cli.Tests.Rendering;

/// <summary>
/// The serializer's reading of the model, as the CLI wrote a report's `diagnosis` before <see cref="PanicLens.Cli.Rendering.DiagnosisJsonWriter"/>:
/// the reference the hand-written fields are held to.
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
