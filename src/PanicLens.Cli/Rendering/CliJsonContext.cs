using System.Text.Json.Serialization;
using PanicLens.Readiness;

namespace PanicLens.Cli.Rendering;

/// <summary>Source-generated JSON for the readiness verbs' own outputs (kdump plan, fleet exposure).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(KdumpPlan))]
[JsonSerializable(typeof(FleetExposure))]
public sealed partial class CliJsonContext : JsonSerializerContext;
