using System.Text.Json;

namespace PanicLens.Readiness;

/// <summary>
/// Pulls what the fleet view needs out of one check document with a forward-only reader: schemaVersion, the
/// host's name and kernel, and the one exposure entry asked for. Everything else (checks, facts, the other
/// entries' evidence) is skipped without building strings, which is what makes 1,000 hosts cheap.
/// </summary>
internal static class FleetDocumentReader
{
    public static FleetDocument Read(ReadOnlySpan<byte> json, string knownIssue)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        Expect(ref reader, JsonTokenType.StartObject);
        int? version = null;
        FleetDocumentHost? host = null;
        List<IssueExposure>? exposure = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("schemaVersion"u8))
                version = Next(ref reader) == JsonTokenType.Number && reader.TryGetInt32(out var v) ? v : throw Error(ref reader, "schemaVersion is not an integer");
            else if (reader.ValueTextEquals("host"u8))
                host = ReadHost(ref reader);
            else if (reader.ValueTextEquals("exposure"u8))
                exposure = ReadExposure(ref reader, knownIssue);
            else
                SkipValue(ref reader);
        }
        if (version != ReadinessReport.CurrentSchemaVersion)
            throw new JsonException(version is null ? "no schemaVersion" : $"schemaVersion {version} is not supported (this build reads {ReadinessReport.CurrentSchemaVersion})");
        if (host is null || exposure is null)
            throw new JsonException("not a `paniclens check --format json` document: no host or exposure");
        return new FleetDocument(version.Value, host, exposure);
    }

    private static FleetDocumentHost ReadHost(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? hostname = null, kernel = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("hostname"u8))
                hostname = ReadString(ref reader);
            else if (reader.ValueTextEquals("kernelRelease"u8))
                kernel = ReadString(ref reader);
            else
                SkipValue(ref reader);
        }
        return new FleetDocumentHost(hostname, kernel);
    }

    private static List<IssueExposure> ReadExposure(ref Utf8JsonReader reader, string knownIssue)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var entries = new List<IssueExposure>(1);
        while (Next(ref reader) == JsonTokenType.StartObject)
        {
            string? id = null;
            bool? exposed = null, mitigated = null;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("knownIssue"u8))
                    id = ReadString(ref reader);
                else if (reader.ValueTextEquals("exposed"u8))
                    exposed = ReadBool(ref reader);
                else if (reader.ValueTextEquals("mitigated"u8))
                    mitigated = ReadBool(ref reader);
                else
                    SkipValue(ref reader);
            }
            // The fleet view shows no evidence; each host's own document keeps it.
            if (id == knownIssue)
                entries.Add(new IssueExposure(id, exposed, mitigated, []));
        }
        return entries;
    }

    private static string? ReadString(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Error(ref reader, "expected a string"),
    };

    private static bool? ReadBool(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw Error(ref reader, "expected true, false or null"),
    };

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        reader.Skip();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
            throw Error(ref reader, $"expected {type}");
    }

    // Read() throws JsonException on malformed input itself; running out of input is reported the same way.
    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("the document ends early");

    private static JsonException Error(ref Utf8JsonReader reader, string what) =>
        new($"{what} at byte {reader.TokenStartIndex}");
}
