using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PanicLens.Readiness;

namespace PanicLens.Cli.Rendering;

/// <summary>Source-generated JSON for the readiness verbs' own outputs (kdump plan, fleet exposure).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(KdumpPlan))]
[JsonSerializable(typeof(FleetExposure))]
public sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>Leaves shell quotes, backticks and &lt; &gt; of commands readable instead of \u escapes.</summary>
    public static CliJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
