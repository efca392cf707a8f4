using System.Globalization;
using System.Text;
using PanicLens.Cli.Scanning;
using PanicLens.Model;
using PanicLens.Presentation.Html;
using PanicLens.Presentation.Reports;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// `analyze --format html`: one self-contained page (inline style, no external resource, a CSP meta tag; the copy
/// script inline and allowed by its hash) with a contents list and every report drawn by the dashboard's own report
/// view from the report's analyze JSON. The contents come first, so the page is written at the end of the run.
/// </summary>
public sealed class HtmlReportRenderer(TextWriter output) : IReportRenderer
{
    private readonly List<(ReportHeading Heading, string Json, string Raw, string Where)> reports = [];

    public void Begin()
    {
    }

    public void Write(CrashReport report)
    {
        var raw = new StringBuilder();
        foreach (var line in report.Lines)
            raw.Append(line.Text).Append('\n');
        var source = report.Source == "-" ? "standard input" : report.Source;
        var where = string.Create(CultureInfo.InvariantCulture, $"{source}, lines {report.StartLine}–{report.EndLine}");
        var facts = new List<ReportFact> { new(report.Type), new("kernel " + (report.Kernel ?? "unknown")) };
        if (report.Timestamp is { } timestamp)
            facts.Add(new("logged " + timestamp));
        facts.Add(new(where));
        var title = report.Title.Length > 0 ? report.Title : report.Message;
        reports.Add((new ReportHeading(title, facts), StoredReports.Json(report), raw.ToString(), where));
    }

    public void End(int inputs, int reports)
    {
        var page = new HtmlPage(reports == 1 ? this.reports[0].Heading.Title : $"{reports} crash reports", home: null);
        page.Element("p", $"paniclens analyze: {reports} crash report{(reports == 1 ? "" : "s")} in {inputs} log{(inputs == 1 ? "" : "s")}", "muted");
        if (reports > 1)
        {
            page.Raw("<nav><ol>");
            for (var i = 0; i < this.reports.Count; i++)
                page.Raw($"<li><a href=\"#report-{i + 1}\">").Text(this.reports[i].Heading.Title).Raw("</a> <span class=\"muted\">")
                    .Text(this.reports[i].Where).Raw("</span></li>");
            page.Raw("</ol></nav>");
        }
        for (var i = 0; i < this.reports.Count; i++)
        {
            var (heading, json, raw, _) = this.reports[i];
            page.Raw($"<article id=\"report-{i + 1}\">");
            ReportView.Write(page, heading, json, raw);
            page.Raw("</article>");
        }
        output.Write(page.SelfContained());
        output.Write('\n');
    }
}
