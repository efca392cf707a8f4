using System.Text.Json;
using System.Text.Json.Serialization;

namespace PanicLens.Readiness;

/// <summary>Writes enum values in camel case ("pass", "unknown") and reads them back.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
