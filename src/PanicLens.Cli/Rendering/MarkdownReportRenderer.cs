using PanicLens.Cli.Localization;
using PanicLens.Model;

namespace PanicLens.Cli.Rendering;

/// <summary>Markdown for tickets and post-mortems: a heading per report, a field table, traces in code blocks.</summary>
public sealed class MarkdownReportRenderer(TextWriter output) : IReportRenderer
{
    private int index;

    public void Begin() => output.WriteLine($"# {Words.Get("markdown.heading")}\n");

    public void Write(CrashReport r)
    {
        index++;
        output.WriteLine($"## {index}. {Escape(r.Title.Length > 0 ? r.Title : r.Message)}\n");
        output.WriteLine($"`{Escape(r.Source)}` {Words.Format("markdown.lines", r.StartLine, r.EndLine)}\n");
        output.WriteLine($"| {Words.Get("markdown.field")} | {Words.Get("markdown.value")} |");
        output.WriteLine("|---|---|");
        foreach (var (label, value) in FullTextReportRenderer.Fields(r))
            output.WriteLine($"| {label} | {Escape(value)} |");
        output.WriteLine();
        foreach (var stack in r.Stacks)
        {
            output.WriteLine($"**{Words.Format("full.stack", FrameText.StackName(stack.Kind))}** {Words.Format("markdown.stack-line", stack.StartLine)}\n");
            output.WriteLine("```");
            foreach (var frame in stack.Frames)
                output.WriteLine(FrameText.Format(frame).Replace("```", "` ` `"));
            output.WriteLine("```\n");
        }
        if (r.Diagnosis is not null)
            DiagnosisRenderer.WriteMarkdown(output, r.Diagnosis);
    }

    public void End(int inputs, int reports) =>
        output.WriteLine($"_{TextReportRenderer.EndLine(inputs, reports)}_");

    /// <summary>Log text is hostile: neutralise Markdown/HTML so it renders as the text it is.</summary>
    public static string Escape(string? s)
    {
        if (string.IsNullOrEmpty(s))
            return "";
        var clean = Palette.Clean(s);
        var sb = new System.Text.StringBuilder(clean.Length + 8);
        foreach (var c in clean)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '|' or '`' or '*' or '_' or '[' or ']' or '\\' or '#':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
