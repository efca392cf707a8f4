using System.Text.Json;
using System.Text.Json.Serialization;

namespace PanicLens.Readiness;

/// <summary>
/// The manifest at the top of a `check --collect` archive: every entry and why it is there, what could not be read
/// on the host and why, and the free space measured there (a copy cannot measure it).
/// </summary>
public sealed record HostCollectionManifest(
    string Tool,
    DateTimeOffset CollectedAt,
    string? Hostname,
    string Root,
    IReadOnlyList<CollectedFile> Files,
    IReadOnlyList<HostFile> Unreadable,
    IReadOnlyDictionary<string, long> FreeBytes)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The manifest's name at the top of the archive and of the extracted tree.</summary>
    public const string FileName = "paniclens-collect.json";

    [JsonPropertyOrder(-1)]
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Why the host could not read a path, when it could not.</summary>
    public string? Problem(string hostPath)
    {
        foreach (var file in Unreadable)
        {
            if (file.Path == hostPath)
                return file.Problem;
        }
        return null;
    }

    public static void Write(HostCollectionManifest manifest, Stream output) =>
        JsonSerializer.Serialize(output, manifest, HostCollectionJsonContext.Default.HostCollectionManifest);

    /// <summary>
    /// The manifest of a collected tree, or null when <paramref name="root"/> is not one. A manifest that is there
    /// but cannot be read is an error naming the file: judging the tree without it would report other verdicts.
    /// </summary>
    public static HostCollectionManifest? ReadFrom(string root)
    {
        var path = Path.Join(root, FileName);
        if (!File.Exists(path))
            return null;
        try
        {
            using var stream = File.OpenRead(path);
            var manifest = JsonSerializer.Deserialize(stream, HostCollectionJsonContext.Default.HostCollectionManifest)
                ?? throw new JsonException("the document is JSON null");
            if (manifest.SchemaVersion != CurrentSchemaVersion)
                throw new JsonException($"schemaVersion {manifest.SchemaVersion} is not supported (this build reads {CurrentSchemaVersion})");
            return manifest;
        }
        catch (JsonException e)
        {
            throw new IOException($"{path}: not a readable collection manifest: {e.Message}", e);
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    Converters = [typeof(CamelCaseEnumConverter<CollectedKind>)])]
[JsonSerializable(typeof(HostCollectionManifest))]
internal sealed partial class HostCollectionJsonContext : JsonSerializerContext;
