using PanicLens.Parsing;
using PanicLens.Model;

namespace PanicLens.Detection;

/// <summary>
/// Splits a stream of console lines into crash report regions. It streams: it holds only the lines of the
/// reports still open (each capped at <see cref="MaxLinesPerRegion"/>) and yields regions in the order of
/// their header lines. A region ends at the next opening header (of its own caller id when the console
/// prints them), at `---[ end Kernel panic`, at `---[ end trace` unless a panic line follows closely, after
/// <see cref="MaxGapLines"/> lines that do not look like report output, or at the cap.
/// </summary>
public sealed class CrashDetector
{
    private const string ReplayMarker = "** replaying previous printk message **";

    public int MaxLinesPerRegion { get; init; } = 4000;
    public int MaxGapLines { get; init; } = 50;
    /// <summary>Lines of other syslog hosts after which a report of a host that printed nothing more of it is closed.</summary>
    public int MaxForeignLines { get; init; } = 1000;
    /// <summary>Lines after `---[ end trace` within which a `Kernel panic` or `(XEN)` line still joins the report.</summary>
    public int TrailingLines { get; init; } = 20;
    /// <summary>At most this many reports are open at once (one per caller id); the oldest is closed first.</summary>
    public int MaxOpenRegions { get; init; } = 16;

    private const string KernelOrigin = "kernel";

    /// <summary>
    /// No report is open: until a line opens one, lines are of no consequence (a reader that knows which lines can open
    /// one, such as the fleet scan's, may skip the rest). Read between lines of <see cref="Detect"/>.
    /// </summary>
    public bool Idle { get; private set; } = true;

    private List<OpenRegion> current = [];

    /// <summary>
    /// The syslog host of every open report when they all have the same one (null when none is open or one has no host).
    /// While it holds, a line of another host that opens nothing (no header, no task dump, no replay marker) only counts
    /// toward <see cref="MaxForeignLines"/>: a reader may give it as an empty line of that host, and the reports stay the
    /// same (the fleet scan reads so). Read between lines of <see cref="Detect"/>; like <see cref="Idle"/> it describes
    /// the lines before the last one given, which the detector holds until the next shows whether it replays it.
    /// </summary>
    public string? SoleHost
    {
        get
        {
            string? host = null;
            foreach (var region in current)
            {
                if (region.Closed)
                    continue;
                if (region.Host is null || (host is not null && host != region.Host))
                    return null;
                host = region.Host;
            }
            return host;
        }
    }

    public IEnumerable<CrashRegion> Detect(IEnumerable<LogLine> lines)
    {
        // One read at a time: what an earlier read listed says nothing of this one.
        lastListedTask = int.MinValue;
        var open = current = new List<OpenRegion>();
        LogLine? pending = null;
        foreach (var line in lines)
        {
            if (pending is not null)
                foreach (var region in Step(open, pending, line))
                    yield return region;
            pending = line;
        }
        if (pending is not null)
            foreach (var region in Step(open, pending, null))
                yield return region;
        foreach (var region in open)
            region.Close();
        var last = Drain(open);
        Idle = true;
        foreach (var region in last)
            yield return region;
    }

    private List<CrashRegion> Step(List<OpenRegion> open, LogLine line, LogLine? next)
    {
        // A syslog/journal line tagged with another program (`gnome-session[1443]: WARNING: ...`) is user space
        // talking, never kernel output: it neither opens a report nor belongs to one, but time passes as it is logged.
        if (line.Origin is { } origin && origin != KernelOrigin)
        {
            foreach (var region in open)
                if (!region.Closed)
                    region.PassOther(line);
            return Drained(open);
        }
        var header = HeaderScanner.Match(line.Text, out var at);
        if (header is { Family: "warning" } && line.Uptime is null && line.Context is null && !line.Stamped
            && !WarningForms.IsKernelForm(line.Text.AsSpan(at + header.Literal.Length)))
            header = null;
        if (header is { Family: "info" } && !InfoForms.IsKernelForm(line.Text.AsSpan(at + header.Literal.Length), next?.Text))
            header = null;
        if (header is not null && next is not null && next.Text.Contains(ReplayMarker, StringComparison.Ordinal))
            header = null;
        header ??= TaskDump(open, line);
        if (header is null)
            Feed(open, line);
        else
            OnHeader(open, line, header);
        return Drained(open);
    }

    private List<CrashRegion> Drained(List<OpenRegion> open)
    {
        var done = Drain(open);
        Idle = open.Count == 0;
        return done;
    }

    /// <summary>Line of the last dump of a task in a state other than D: a state listing (sysrq-t) is being printed.</summary>
    private int lastListedTask = int.MinValue;

    /// <summary>Lines after a task listed in another state within which a blocked task's dump is part of that listing.</summary>
    public int ListingLines { get; init; } = 2000;

    /// <summary>
    /// A blocked task's dump line (<see cref="TaskDumpLine"/>) is a header of its own kind: it joins a report in progress and
    /// opens one alone. A task dump in another state means a listing: open listings of blocked tasks are dropped, and
    /// blocked tasks printed soon after are part of it.
    /// </summary>
    private CrashHeader? TaskDump(List<OpenRegion> open, LogLine line)
    {
        var state = TaskDumpLine.State(line.Text);
        if (state == '\0')
            return null;
        if (state != 'D')
        {
            lastListedTask = line.Number;
            foreach (var region in open)
                if (!region.Closed && region.Accepts(line))
                    region.DropIfTaskDump();
            return null;
        }
        return (long)line.Number - lastListedTask > ListingLines ? CrashHeaders.TaskDump : null;
    }

    private void OnHeader(List<OpenRegion> open, LogLine line, CrashHeader header)
    {
        if (header.Role == HeaderRole.Inside || CrashHeaders.IsInside(line.Text))
        {
            var joined = false;
            foreach (var region in open)
                if (!region.Closed && region.Accepts(line) && (header.Dump || !region.Quiet))
                {
                    region.AddInside(line);
                    joined = true;
                }
            if (joined || HasOpenOtherContext(open, line))
                return;
        }
        else
        {
            // CPUs faulting at once on a console without caller ids print their headers back to back, and only one
            // of them goes on to dump registers and a trace: a header right after a bare header is part of it. So is
            // the header a symbolizer's inline expansion stands for, whatever the line's envelope.
            foreach (var region in open)
                if (!region.Closed && region.HeaderOnly && region.Accepts(line)
                    && ((region.Context is null && line.Context is null) || region.IsInlineExpansion))
                {
                    region.AddInside(line);
                    return;
                }
            foreach (var region in open)
            {
                if (region.Closed || !region.SameStream(line))
                    continue;
                if (region.BorrowsNextStack)
                    region.Add(line);
                else
                    region.Close();
            }
        }
        if (CountOpen(open) >= MaxOpenRegions)
            CloseOldest(open);
        open.Add(new OpenRegion(this, line, header));
    }


    private static bool ContainsAny(string text, string[] markers)
    {
        foreach (var marker in markers)
            if (text.Contains(marker, StringComparison.Ordinal))
                return true;
        return false;
    }

    private static bool HasOpenOtherContext(List<OpenRegion> open, LogLine line)
    {
        foreach (var region in open)
            if (!region.Closed && region.Context is not null && line.Context is not null)
                return true;
        return false;
    }

    private static void Feed(List<OpenRegion> open, LogLine line)
    {
        var interrupts = line.Context is null && ContainsAny(line.Text, CrashHeaders.Interruptions);
        foreach (var region in open)
        {
            if (region.Closed)
                continue;
            if (!region.Accepts(line))
            {
                region.PassForeign(line);
                continue;
            }
            if (interrupts && region.Context is null)
                region.Close();
            else
                region.Add(line);
        }
    }

    private static int CountOpen(List<OpenRegion> open)
    {
        var n = 0;
        foreach (var region in open)
            if (!region.Closed)
                n++;
        return n;
    }

    private static void CloseOldest(List<OpenRegion> open)
    {
        foreach (var region in open)
            if (!region.Closed)
            {
                region.Close();
                return;
            }
    }

    private static readonly List<CrashRegion> NoneDone = [];

    /// <summary>Yields closed regions from the front, so output keeps header order; an ordinary line allocates nothing.</summary>
    private static List<CrashRegion> Drain(List<OpenRegion> open)
    {
        if (open.Count == 0 || !open[0].Closed)
            return NoneDone;
        var done = new List<CrashRegion>();
        while (open.Count > 0 && open[0].Closed)
        {
            if (open[0].ToRegion() is { } region)
                done.Add(region);
            open.RemoveAt(0);
        }
        return done;
    }

    /// <summary>
    /// A report being collected. States: collecting; after `---[ end trace` it is "trailing" and keeps the
    /// next lines aside until a panic line joins them in or <see cref="TrailingLines"/> pass; closed.
    /// </summary>
    private sealed class OpenRegion(CrashDetector owner, LogLine header, CrashHeader kind)
    {
        private readonly List<LogLine> lines = [header];
        private int headers = 1;
        private readonly List<LogLine> trailing = [];
        private int keep = 1;
        private int gap;
        /// <summary>Other hosts' lines since this report's last line: a host that died prints no more, the others go on.</summary>
        private int foreign;

        private int passedTrailing;

        /// <summary>
        /// A line of another program on the report's host: not the report's, but it counts as a line that is not report
        /// output (the gap, or the lines after `end trace`); another host's line counts as <see cref="PassForeign"/>.
        /// </summary>
        public void PassOther(LogLine line)
        {
            if (Host is not null && line.Host is not null && line.Host != Host)
            {
                PassForeign(line);
                return;
            }
            if (ending)
            {
                if (trailing.Count + ++passedTrailing >= owner.TrailingLines)
                    Close();
            }
            else if (++gap >= owner.MaxGapLines)
                Close();
        }

        public void PassForeign(LogLine line)
        {
            if (Host is null || line.Host is null || line.Host == Host)
                return;
            if (++foreign >= owner.MaxForeignLines)
                Close();
        }
        private bool ending;
        private bool sawNmiSend;
        private bool truncated;
        private bool dropped;

        /// <summary>A request for state (<see cref="CrashHeader.Quiet"/>): it yields no report.</summary>
        public bool Quiet => kind.Quiet;

        /// <summary>A report opened by a blocked task's dump turns out to be part of a state listing.</summary>
        public void DropIfTaskDump()
        {
            if (ReferenceEquals(kind, CrashHeaders.TaskDump))
                dropped = true;
        }

        public string? Context { get; } = header.Context;

        /// <summary>The syslog host of the header: a collector's file of many hosts gives the report only its host's lines.</summary>
        public string? Host { get; } = header.Host;
        public bool Closed { get; private set; }
        private bool timed = header.Uptime is not null;
        private bool sawStack;

        /// <summary>
        /// With caller ids, a report cut off before its stack by another report of the same task (lockdep
        /// crashing while it reports, say) keeps reading that task's lines: the next stack is the one it lacked.
        /// </summary>
        public bool BorrowsNextStack => Context is not null && !sawStack;

        /// <summary>Nothing but header lines so far: no body line came after the report's opening.</summary>
        public bool HeaderOnly => lines.Count == headers;

        /// <summary>Body lines so far that are blank or a poster's trim mark, `..`, `[...]` (only those: see <see cref="HeadersAndBlanksOnly"/>).</summary>
        private int blankBody;

        /// <summary>Nothing but header lines and blank lines (or trim marks: the poster cut what came between) so far.</summary>
        private bool HeadersAndBlanksOnly => lines.Count == headers + blankBody;

        /// <summary>The last header line (with its wrapped source location) is a symbolizer's `name f.c:12 [inline]` line.</summary>
        public bool IsInlineExpansion
        {
            get
            {
                var last = lines[^1].Text;
                if (lines.Count > 1 && SymbolizedLines.IsWrappedSource(last))
                    last = SymbolizedLines.JoinWrapped(lines[^2].Text, last);
                return SymbolizedLines.IsInlineExpansion(last);
            }
        }

        /// <summary>
        /// Untagged consoles give every line to the report; with caller ids only the header's own id counts, and a
        /// line with no prefix at all right after one of its own lines (a mail client's wrap of that line).
        /// </summary>
        public bool Accepts(LogLine line) =>
            (Host is null || line.Host is null || line.Host == Host) && AcceptsContext(line);

        private bool AcceptsContext(LogLine line) =>
            Context is null || line.Context == Context
            || (sawNmiSend && line.Context is { Length: > 0 } c && c[0] == 'C')
            || (line.Number == lastNumber + 1 && line.Context is null && line.Uptime is null && line.Timestamp is null && line.Origin is null);

        private int lastNumber = header.Number;

        /// <summary>Whether a new opening header on <paramref name="line"/> ends this report.</summary>
        public bool SameStream(LogLine line) =>
            (Host is null || line.Host is null || line.Host == Host) && (Context is null || line.Context is null || line.Context == Context);

        public void AddInside(LogLine line)
        {
            if (HeaderOnly)
                headers++;
            if (ending)
            {
                lines.AddRange(trailing);
                trailing.Clear();
                passedTrailing = 0;
                ending = false;
            }
            Append(line, report: true);
        }

        public void Add(LogLine line)
        {
            var text = line.Text;
            if (ending && trailing.Count == 0 && ResumesAfterEndTrace(text))
            {
                ending = false;
                passedTrailing = 0;
            }
            if (ending)
            {
                trailing.Add(line);
                if (trailing.Count + passedTrailing >= owner.TrailingLines)
                    Close();
                return;
            }
            if (HeaderOnly && SymbolizedLines.IsWrappedSource(text))
            {
                // A symbolised header's source location, wrapped by a mail client onto a line of its own.
                headers++;
                Append(line, report: true);
                return;
            }
            if (HeaderOnly && line.Number == lastNumber + 1 && IsBare(line) && WrappedLines.IsWrappedFunction(lines[^1].Text, text))
            {
                // The header cut where its format goes on with a function (`WARNING: CPU: 0 PID: 1 at` / `x.c:12 f+0x1/0x2`):
                // its tail has no stamp, yet it is the header's, whatever follows (a report of the header alone, quoted).
                // A whole header then, so a header right after it is another report's, as after any complete header.
                Append(line, report: true);
                return;
            }
            if (HeadersAndBlanksOnly && !timed && line.Uptime is not null && line.Number == lastNumber + 1)
            {
                // A header without a stamp right above stamped lines lost its stamp (a CI summary quoting the panic line,
                // `Job error: Kernel panic - ...`, then the log, in a mail perhaps double-spaced or trimmed): the stamped stream is the
                // report's. kernel/panic.c panic() prints its message and then, with CONFIG_DEBUG_BUGVERBOSE, dump_stack():
                // the task line, `Hardware name:` and the trace come after the panic line, not before.
                timed = true;
            }
            var isEndPanic = text.Contains("---[ end Kernel panic", StringComparison.Ordinal);
            sawStack |= text.Contains("Call Trace", StringComparison.Ordinal) || text.Contains("Call trace", StringComparison.Ordinal);
            // Lines of the other stream of an untagged console (untimestamped fuzzer output between
            // timestamped kernel lines, or the reverse) neither extend nor end the report.
            var otherStream = Context is null && (line.Uptime is not null) != timed;
            Append(line, report: !otherStream && ReportLineShapes.IsReportLine(text), neutral: otherStream);
            if (otherStream)
                return;
            if (text.Contains("Sending NMI from CPU", StringComparison.Ordinal))
                sawNmiSend = true;
            if (isEndPanic)
                Close();
            else if (text.Contains("---[ end trace", StringComparison.Ordinal))
                ending = true;
            else if (gap >= owner.MaxGapLines)
                Close();
        }

        /// <summary>
        /// The first line after `---[ end trace` goes on with the report: a site's own tail (<see cref="CrashHeaders.AfterEndTrace"/>),
        /// or the trace of a report that printed none: arm64 4.x kernels print a WARN's registers and end marker, then its
        /// `Call trace:` (ARM-software/gator#20 shows one: `---[ end trace ... ]---`, `Call trace:`, `Exception stack(...)`).
        /// </summary>
        private bool ResumesAfterEndTrace(string text) =>
            CrashHeaders.ContinuesAfterEndTrace(text)
            || (!sawStack && (text.TrimStart().StartsWith("Call trace:", StringComparison.Ordinal) || text.TrimStart().StartsWith("Call Trace:", StringComparison.Ordinal)));

        private static bool IsBare(LogLine line) =>
            line.Uptime is null && line.Context is null && line.Timestamp is null && line.Origin is null && !line.Stamped;

        private void Append(LogLine line, bool report, bool neutral = false)
        {
            if (lines.Count >= owner.MaxLinesPerRegion)
            {
                truncated = true;
                Close();
                return;
            }
            if (lines.Count == headers + blankBody && (string.IsNullOrWhiteSpace(line.Text) || TrimMarks.IsTrimMark(line.Text)))
                blankBody++;
            lines.Add(line);
            lastNumber = line.Number;
            if (neutral)
                return;
            if (report)
            {
                keep = lines.Count;
                gap = 0;
                foreign = 0;
            }
            else
            {
                gap++;
            }
        }

        public void Close()
        {
            if (ending)
                trailing.Clear();
            Closed = true;
        }

        public CrashRegion? ToRegion()
        {
            // A task dump without its trace is a listing line, not a report.
            if (Quiet || dropped || (ReferenceEquals(kind, CrashHeaders.TaskDump) && !sawStack))
                return null;
            var kept = keep == lines.Count ? lines : lines.GetRange(0, keep);
            return new CrashRegion(kept[0].Number, kept[^1].Number, kept, kind) { Context = Context, Truncated = truncated };
        }
    }
}
