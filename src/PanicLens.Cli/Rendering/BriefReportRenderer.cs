using PanicLens.Cli.Localization;
using PanicLens.Model;

namespace PanicLens.Cli.Rendering;

/// <summary>
/// `analyze --brief`: one line per report for `grep` and `watch`: where, title, known issue, what it did to the host.
/// Fields are separated by ` · `; a missing one is `-`.
/// </summary>
public sealed class BriefReportRenderer(TextWriter output) : IReportRenderer
{
    public void Begin()
    {
    }

    public void Write(CrashReport r)
    {
        var d = r.Diagnosis;
        var effect = d?.Hypervisor?.Effect ?? (r.Panic is null ? null : Words.Format("brief.panic", r.Panic.Trim()));
        var line = string.Join(" · ",
            $"{r.Source}:{r.StartLine}-{r.EndLine}",
            r.Title.Length > 0 ? r.Title : r.Message,
            d?.KnownIssues.FirstOrDefault()?.Id ?? "-",
            effect ?? "-");
        output.WriteLine(Palette.Clean(line));
    }

    public void End(int inputs, int reports)
    {
    }
}
