using PanicLens.Cli.Localization;
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
        output.WriteLine(palette.Dim(EndLine(inputs, count)));
    }

    /// <summary>`1 crash report in 1 input.`</summary>
    public static string EndLine(int inputs, int reports) =>
        Words.Format("end.summary", reports, Words.Get(reports == 1 ? "end.report" : "end.reports"), inputs, Words.Get(inputs == 1 ? "end.input" : "end.inputs"));

    private void WriteTable()
    {
        var sources = reports.Select(r => r.Source).Distinct().Count();
        output.WriteLine(palette.Strong(Words.Format("table.heading", reports.Count)));
        var rows = reports.Select((r, i) => (
            Number: (i + 1).ToString(),
            Where: (sources > 1 ? Path.GetFileName(r.Source) + ":" : "") + $"{r.StartLine}-{r.EndLine}",
            Title: Palette.Clean(r.Title.Length > 0 ? r.Title : r.Message),
            Issue: r.Diagnosis?.KnownIssues.FirstOrDefault()?.Id ?? "-")).ToList();
        var number = rows.Max(r => r.Number.Length);
        var where = Math.Min(30, Math.Max(TextWrap.Columns(Words.Get("table.lines")), rows.Max(r => r.Where.Length)));
        var issue = Math.Min(24, rows.Max(r => r.Issue.Length));
        var title = Math.Max(20, TextWrap.Width - number - where - issue - 8);
        output.WriteLine(palette.Label($"  {"#".PadLeft(number)}  {TextWrap.Pad(Words.Get("table.lines"), where)}  {TextWrap.Pad(Words.Get("table.title"), title)}  {Words.Get("table.known-issue")}"));
        foreach (var row in rows)
            output.WriteLine($"  {row.Number.PadLeft(number)}  {TextWrap.Pad(TextWrap.Cut(row.Where, where), where)}  {TextWrap.Pad(TextWrap.Cut(row.Title, title), title)}  {TextWrap.Cut(row.Issue, issue)}");
        output.WriteLine();
    }
}
