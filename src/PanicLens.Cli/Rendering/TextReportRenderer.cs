using PanicLens.Model;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// The default, human format: with several reports a one-line-per-report table first, then for each report its
/// first screen (<see cref="FirstScreen"/>) and its details (<see cref="ReportDetails"/>). Reports are held until
/// the end so the table can come first.
/// </summary>
public sealed class TextReportRenderer(TextWriter output, Palette palette, bool registers = false) : IReportRenderer
{
    private readonly List<CrashReport> reports = [];

    public void Begin()
    {
    }

    public void Write(CrashReport report) => reports.Add(report);

    public void End(int inputs, int count)
    {
        if (reports.Count > 1)
            WriteTable();
        var screen = new FirstScreen(output, palette);
        var details = new ReportDetails(output, palette, registers);
        for (var i = 0; i < reports.Count; i++)
        {
            screen.Write(reports[i], i + 1, reports.Count);
            output.WriteLine();
            details.Write(reports[i]);
            output.WriteLine();
        }
        var noun = count == 1 ? "crash report" : "crash reports";
        output.WriteLine(palette.Dim($"{count} {noun} in {inputs} input{(inputs == 1 ? "" : "s")}."));
    }

    private void WriteTable()
    {
        var sources = reports.Select(r => r.Source).Distinct().Count();
        output.WriteLine(palette.Strong($"{reports.Count} crash reports"));
        var rows = reports.Select((r, i) => (
            Number: (i + 1).ToString(),
            Where: (sources > 1 ? Path.GetFileName(r.Source) + ":" : "") + $"{r.StartLine}-{r.EndLine}",
            Title: Palette.Clean(r.Title.Length > 0 ? r.Title : r.Message),
            Issue: r.Diagnosis?.KnownIssues.FirstOrDefault()?.Id ?? "-")).ToList();
        var number = rows.Max(r => r.Number.Length);
        var where = Math.Min(30, Math.Max("lines".Length, rows.Max(r => r.Where.Length)));
        var issue = Math.Min(24, rows.Max(r => r.Issue.Length));
        var title = Math.Max(20, TextWrap.Width - number - where - issue - 8);
        output.WriteLine(palette.Label($"  {"#".PadLeft(number)}  {TextWrap.Pad("lines", where)}  {TextWrap.Pad("title", title)}  known issue"));
        foreach (var row in rows)
            output.WriteLine($"  {row.Number.PadLeft(number)}  {TextWrap.Pad(TextWrap.Cut(row.Where, where), where)}  {TextWrap.Pad(TextWrap.Cut(row.Title, title), title)}  {TextWrap.Cut(row.Issue, issue)}");
        output.WriteLine();
    }
}
