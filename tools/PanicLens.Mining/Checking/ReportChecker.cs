using System.Globalization;
using PanicLens.Model;

namespace PanicLens.Mining.Checking;

/// <summary>
/// Holds one report to the evidence printed inside its own region (its first to its last line; the boot banner,
/// printed once at boot, is looked for before it too). Every rule counts a denominator (the evidence is there) and a
/// numerator (the report agrees); a report that does not agree becomes a <see cref="Failure"/>.
/// </summary>
public sealed class ReportChecker(ICollection<Failure> failures)
{
    private const string CorruptedSuffix = " in corrupted";

    /// <summary>Non-blank lines looked at after a report for a trace that goes on without it.</summary>
    private const int CutShortLookahead = 8;

    /// <summary>Frames among those lines that make a trace that goes on.</summary>
    private const int CutShortFrames = 3;

    public void Check(string file, CrashReport report, MailText text, EvidenceIndex evidence, int nextStart, FigureSet figures)
    {
        figures.Count(f => f.Reports++);
        if (report.Corrupted)
            figures.Count(f =>
            {
                f.Corrupted++;
                var reason = report.CorruptionReason ?? "(no reason)";
                f.CorruptionReasons[reason] = f.CorruptionReasons.GetValueOrDefault(reason) + 1;
            });
        var window = evidence.Between(report.StartLine, report.EndLine);
        if (window.Count == 0)
        {
            // No header, frame, task line or release anywhere in the region: nothing a reader would call a crash.
            figures.Count(f => f.ReportsWithoutEvidence++);
            var header = new Evidence(EvidenceKind.Header, "report", report.StartLine, text[report.StartLine]);
            failures.Add(Fail(file, header, CheckRules.NoEvidence, CauseNamer.NoEvidence(report), report));
        }
        CheckTask(file, report, text, window, figures);
        CheckKernel(file, report, text, evidence, window, figures);
        CheckTaint(file, report, window, figures);
        CheckHardware(file, report, window, figures);
        CheckFunction(file, report, text, window, figures);
        CheckCutShort(file, report, text, evidence, nextStart, figures);
    }

    private void CheckTask(string file, CrashReport report, MailText text, List<Evidence> window, FigureSet figures)
    {
        var tasks = window.FindAll(e => e.Kind == EvidenceKind.Task);
        if (tasks.Count == 0)
            return;
        figures.Count(f => f.TaskPrinted++);
        if (report.Process is not { Comm.Length: > 0, Pid: not null } process)
        {
            failures.Add(Fail(file, tasks[0], CheckRules.TaskMissing, CauseNamer.Task(tasks[0], text), report));
            return;
        }
        figures.Count(f => f.TaskNamed++);
        if (tasks.Exists(t => Agrees(t, process)))
            figures.Count(f => f.TaskAgrees++);
        else
            failures.Add(Fail(file, tasks[0], CheckRules.TaskDiffers, $"task line `{tasks[0].Form}` names another task (header kind `{report.Kind}`)", report));
    }

    private static bool Agrees(Evidence task, ProcessInfo process) =>
        task.Pid == process.Pid?.ToString(CultureInfo.InvariantCulture)
        && (task.Comm.Length == 0 || process.Comm == task.Comm || process.Comm.StartsWith(task.Comm + " ", StringComparison.Ordinal));

    private void CheckKernel(string file, CrashReport report, MailText text, EvidenceIndex evidence, List<Evidence> window, FigureSet figures)
    {
        var releases = window.FindAll(e => e.Kind == EvidenceKind.Release);
        if (evidence.BannerBefore(report.StartLine) is { } banner)
            releases.Add(banner);
        if (releases.Count == 0)
            return;
        figures.Count(f => f.ReleasePrinted++);
        if (string.IsNullOrEmpty(report.Kernel))
        {
            failures.Add(Fail(file, releases[0], CheckRules.KernelMissing, CauseNamer.Kernel(releases[0], report, text), report));
            return;
        }
        figures.Count(f => f.KernelNamed++);
        if (releases.Exists(r => r.Release == report.Kernel) || PrintsRelease(text, report, report.Kernel))
            figures.Count(f => f.KernelAgrees++);
        else
            failures.Add(Fail(file, releases[0], CheckRules.KernelDiffers, $"release `{releases[0].Form}` differs (header kind `{report.Kind}`)", report));
    }

    /// <summary>
    /// The region prints <paramref name="release"/> as dump_stack_print_info()'s task line does, the release then the build's
    /// `#N` (init_utsname()->release, ->version), also when a mail client wrapped the line so that no task-line pattern
    /// reads it (`W I       5.10.0-rc2+ #1`): then a boot banner before the region, of another boot, is not its release.
    /// </summary>
    private static bool PrintsRelease(MailText text, CrashReport report, string release)
    {
        var form = release + " #";
        for (var line = report.StartLine; line <= report.EndLine && line <= text.Count; line++)
        {
            var at = text[line].IndexOf(form, StringComparison.Ordinal);
            if (at >= 0 && (at == 0 || text[line][at - 1] is ' ' or '\t') && at + form.Length < text[line].Length && char.IsAsciiDigit(text[line][at + form.Length]))
                return true;
        }
        return false;
    }

    /// <summary>The first taint printed in the region is the report's: its flags, `G` (no proprietary module) aside.</summary>
    private void CheckTaint(string file, CrashReport report, List<Evidence> window, FigureSet figures)
    {
        var taint = window.Find(e => e.Kind == EvidenceKind.Taint);
        if (taint is null)
            return;
        figures.Count(f => f.TaintPrinted++);
        if (Flags(taint.Taint) == Flags(report.Taint))
            figures.Count(f => f.TaintAgrees++);
        else
            failures.Add(Fail(file, taint, CheckRules.TaintDiffers,
                $"`{taint.Form}` prints [{Flags(taint.Taint)}], the report holds [{Flags(report.Taint)}]", report));
    }

    private static string Flags(string? taint) =>
        new([.. (taint ?? "").Where(c => c is >= 'A' and <= 'Z' && c != 'G').Distinct().Order()]);

    /// <summary>The DMI name, which a mail may wrap: the report's must begin the printed one or the reverse.</summary>
    private void CheckHardware(string file, CrashReport report, List<Evidence> window, FigureSet figures)
    {
        var hardware = window.Find(e => e.Kind == EvidenceKind.Hardware);
        if (hardware is null)
            return;
        figures.Count(f => f.HardwarePrinted++);
        if (string.IsNullOrEmpty(report.Hardware))
        {
            failures.Add(Fail(file, hardware, CheckRules.HardwareMissing, "`Hardware name:` printed, none read", report));
            return;
        }
        figures.Count(f => f.HardwareNamed++);
        var printed = hardware.Hardware;
        if (printed.StartsWith(report.Hardware, StringComparison.Ordinal) || report.Hardware.StartsWith(printed, StringComparison.Ordinal))
            figures.Count(f => f.HardwareAgrees++);
        else
            failures.Add(Fail(file, hardware, CheckRules.HardwareDiffers, $"hardware `{report.Hardware}` is not the printed `{printed}`", report));
    }

    private void CheckFunction(string file, CrashReport report, MailText text, List<Evidence> window, FigureSet figures)
    {
        var frames = window.FindAll(e => e.Kind == EvidenceKind.Frame && !e.Unreliable);
        if (frames.Count == 0)
            return;
        figures.Count(f => f.FramePrinted++);
        // The instruction pointer line is what a reader looks at first; any frame when none is printed.
        var shown = frames.Find(e => e.Form is not ("frame" or "[<addr>] frame")) ?? frames[0];
        var cause = CauseNamer.Function(shown, report, text, frames);
        if (string.IsNullOrEmpty(report.Function))
            failures.Add(Fail(file, shown, CheckRules.FunctionMissing, cause, report));
        else
        {
            figures.Count(f => f.FunctionNamed++);
            if (InText(report.Function, text, report))
                figures.Count(f => f.FunctionInText++);
            else
                failures.Add(Fail(file, shown, CheckRules.FunctionNotInText, $"function `{report.Function}` is not in the report's text", report));
        }
        if (report.Title.EndsWith(CorruptedSuffix, StringComparison.Ordinal))
            failures.Add(Fail(file, shown, CheckRules.TitleCorrupted, cause, report));
        else
            figures.Count(f => f.TitleNotCorrupted++);
    }

    private static bool InText(string function, MailText text, CrashReport report)
    {
        for (var line = report.StartLine; line <= report.EndLine; line++)
            if (text[line].Contains(function, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>A report whose region ends while the next lines are still frames of a trace: the region was cut.</summary>
    private void CheckCutShort(string file, CrashReport report, MailText text, EvidenceIndex evidence, int nextStart, FigureSet figures)
    {
        int seen = 0, frames = 0;
        Evidence? first = null;
        for (var line = report.EndLine + 1; line < nextStart && line <= text.Count && seen < CutShortLookahead; line++)
        {
            if (text[line].AsSpan().TrimStart("> \t").IsEmpty)
                continue;
            seen++;
            if (evidence.FrameAt(line) is { } frame && !IsProcStack(text[line]))
            {
                frames++;
                first ??= frame;
            }
        }
        if (frames < CutShortFrames || first is null)
            return;
        figures.Count(f => f.ReportsCutShort++);
        failures.Add(Fail(file, first, CheckRules.CutShort, CauseNamer.CutShort(first, report, text), report));
    }

    /// <summary>
    /// fs/proc/base.c proc_pid_stack() since 4.17 prints `[<0>] %pB` (the address hidden): a task's stack read from
    /// /proc/PID/stack by hand, not console output going on after the report. The console prints `[<%p>]` at full width.
    /// </summary>
    private static bool IsProcStack(string line)
    {
        var rest = line.AsSpan().TrimStart("> \t");
        return rest.StartsWith("[<0>] ", StringComparison.Ordinal);
    }

    private static Failure Fail(string file, Evidence evidence, string rule, string cause, CrashReport report) =>
        new(file, evidence.Line, rule, cause, evidence.Text.Length > 300 ? evidence.Text[..300] : evidence.Text)
        {
            Detail = CauseNamer.Shape(evidence),
            ReportStart = report.StartLine,
            ReportEnd = report.EndLine,
            Title = report.Title,
            Function = report.Function,
            Comm = report.Process?.Comm,
            Pid = report.Process?.Pid,
            Kernel = report.Kernel,
            Corrupted = report.Corrupted,
            CorruptionReason = report.CorruptionReason,
        };
}
