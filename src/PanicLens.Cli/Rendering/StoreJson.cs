using System.Text.Encodings.Web;
using System.Text.Json;

namespace PanicLens.Cli.Rendering;

/// <summary>Writer settings and the schema version of the store verbs' JSON (scan, buckets, show, hosts).</summary>
public static class StoreJson
{
    public const int SchemaVersion = 1;

    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one document `{"schemaVersion":1, ...}` whose other members <paramref name="body"/> writes.</summary>
    public static void Document(Stream output, Action<Utf8JsonWriter> body)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        body(json);
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    /// <summary>An array of objects, one per item, whose members <paramref name="members"/> writes.</summary>
    public static void Objects<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> members)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            members(json, item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
