using System.Text.Json;

namespace PanicLens.Mining.Titles;

/// <summary>The `titles` verb's figures as a table, and its misses as JSON lines.</summary>
public static class TitleFiguresWriter
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(TextWriter output, TitleChecker checker)
    {
        output.WriteLine($"{"list",-22}{"mails",7}{"with report",16}{"first title equal",22}{"another equal",16}");
        foreach (var (list, figures) in checker.ByList)
            Row(output, list, figures);
        Row(output, "all", checker.Total);
        output.WriteLine();
        output.WriteLine($"{"sent in",-22}{"mails",7}{"with report",16}{"first title equal",22}{"another equal",16}");
        foreach (var (year, figures) in checker.ByYear)
            Row(output, year, figures);
    }

    public static void WriteMisses(string path, IEnumerable<TitleMiss> misses)
    {
        using var writer = new StreamWriter(path);
        foreach (var miss in misses)
            writer.WriteLine(JsonSerializer.Serialize(miss, Json));
    }

    private static void Row(TextWriter output, string name, TitleFigures f) =>
        output.WriteLine($"{name,-22}{f.Mails,7}{Share(f.WithReport, f.Mails),16}{Share(f.FirstEqual, f.Mails),22}{Share(f.AnyEqual, f.Mails),16}");

    private static string Share(int part, int whole) =>
        whole == 0 ? "-" : $"{part} ({100.0 * part / whole:0.0}%)";
}
