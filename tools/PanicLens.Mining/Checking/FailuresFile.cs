using System.Text.Json;

namespace PanicLens.Mining.Checking;

/// <summary>The failures as JSON lines, one <see cref="Failure"/> a line, for the digest and for the lead.</summary>
public static class FailuresFile
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(string path, IEnumerable<Failure> failures)
    {
        using var writer = new StreamWriter(path);
        foreach (var failure in failures)
            writer.WriteLine(JsonSerializer.Serialize(failure, Json));
    }

    public static IEnumerable<Failure> Read(string path)
    {
        foreach (var line in File.ReadLines(path))
            if (line.Length > 0)
                yield return JsonSerializer.Deserialize<Failure>(line, Json)
                    ?? throw new InvalidDataException($"{path}: a line that is not a failure: {line[..Math.Min(line.Length, 80)]}");
    }
}
