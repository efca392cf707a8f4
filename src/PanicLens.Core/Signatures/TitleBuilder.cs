using System.Text;
using System.Text.RegularExpressions;
using PanicLens.Detection;
using PanicLens.Model;

namespace PanicLens.Signatures;

/// <summary>
/// Titles a report the way the syzbot dashboard does (../shared/research/title-convention.md): the header's
/// format table picks a title pattern, a stack spec picks the guilty frame, the title is normalised, the type
/// read from it, and damaged reports flagged corrupted with a reason. Never throws on log text.
/// </summary>
public static partial class TitleBuilder
{
    /// <summary>A raw title longer than this is cut before normalising (it is cut to 120 anyway).</summary>
    private const int MaxRawTitle = 1024;

    public static void Apply(CrashReport report)
    {
        report.AltTitles.Clear();
        var lines = SymbolizedLines.FromPrintedHeader(report.Lines);
        if (lines.Count == 0 || CrashHeaders.Find(lines[0].Text, out var at) is not { } header)
        {
            report.Title = report.Lines.Count == 0 ? "" : TitleNormalizer.Normalize(Cap(report.Lines[0].Text));
            report.Type = "";
            report.Corrupted = true;
            report.CorruptionReason = "report does not start with a crash header";
            return;
        }
        if (report.Kind.Length == 0)
            report.Kind = header.Family;
        var body = ReportBody.From(UpToSecondHeader(lines), header.Family == "xen");
        var title = Build(report, body, header, at);
        report.Title = TitleNormalizer.Normalize(title.Raw);
        foreach (var alt in title.Alts)
        {
            var normal = TitleNormalizer.Normalize(alt);
            if (normal != report.Title && !report.AltTitles.Contains(normal))
                report.AltTitles.Add(normal);
        }
        report.Type = CrashTypes.FromTitle(report.Title);
        report.Corrupted = title.Corruption is not null;
        report.CorruptionReason = title.Corruption;
        report.GuiltyFrame = GuiltyFrameOf(report.Title);
    }

    /// <summary>
    /// The lines before the next opening header. The detector keeps headers printed back to back in one report
    /// (CPUs faulting at once); the convention titles the first from its own lines only (linux.go: a second oops
    /// line ends the report text the title is read from), so such a report stays `in corrupted` there.
    /// </summary>
    private static IReadOnlyList<LogLine> UpToSecondHeader(IReadOnlyList<LogLine> lines)
    {
        for (var i = 1; i < lines.Count && i < 8; i++)
        {
            var text = lines[i].Text;
            if (HeaderScanner.Match(text) is not { } next)
                return lines;
            if (next.Role != HeaderRole.Inside && !CrashHeaders.IsInside(text) && !IsInlineRepeat(lines[0].Text, text))
                return lines.Take(i).ToList();
        }
        return lines;
    }

    /// <summary>
    /// A symbolised report (syzbot's, scripts/decode_stacktrace.sh) prints its header once per inlined function:
    /// `WARNING: CPU: 0 PID: 1 at lib/x.c:488 inner lib/x.c:485 [inline]`, then the same up to `at lib/x.c:488 ` with
    /// the real function. A line that repeats the header up to its `at FILE:LINE ` is that expansion, not a second report.
    /// </summary>
    private static bool IsInlineRepeat(string first, string next)
    {
        var at = first.IndexOf(" at ", StringComparison.Ordinal);
        var end = at < 0 ? -1 : first.IndexOf(' ', at + 4);
        return end > 0 && next.Length > end && next.AsSpan(0, end + 1).SequenceEqual(first.AsSpan(0, end + 1));
    }

    private sealed record Titled(string Raw, List<string> Alts, string? Corruption);

    private static Titled Build(CrashReport report, ReportBody body, CrashHeader header, int at)
    {
        var line = body.Lines[0];
        var (format, match, reportMatch, reportFailed) = SelectWrappedFormat(body, header, WrapOf(report.Lines));
        if (format is null)
        {
            var fallback = Cap(line[at..]);
            return new Titled(fallback, [], reportFailed ? "title matched but the rest of the report did not" : null);
        }
        var captures = new Dictionary<string, string>(StringComparer.Ordinal);
        AddNamed(format.TitleRegex.GetGroupNames(), match!, captures);
        if (reportMatch is not null)
            AddNamed(format.ReportRegex!.GetGroupNames(), reportMatch, captures);
        var choice = format.Stack is null ? null : FrameExtraction.Extract(body, format.Stack);
        // A trace whose every frame is `?` is dropped line by line from the body, as the convention drops doubted frames;
        // on a kernel without frame pointers it is the whole trace, and no damage (ParsedFrames.ChooseFromUnmarkedTrace).
        if (choice is { Ok: false } && ParsedFrames.ChooseFromUnmarkedTrace(report, format.Stack) is { } scanned)
            choice = WithParsed(choice, scanned);
        bool? pasted = null;
        if (choice is { Ok: false } && (pasted ??= !ConsoleForm.IsConsoleCapture(report.Lines))
            && ParsedFrames.Choose(report, format.Stack) is { } parsed)
            choice = WithParsed(choice, parsed);
        var raw = Fill(format.Template, captures, choice?.Frames);
        var alts = Alternatives(format, captures, choice, raw);
        string? corruption = null;
        if (choice is { Ok: false })
            corruption = "extracted no frames";
        else if (format.Corrupted)
            corruption = "the report's own header was lost";
        else
            corruption = CorruptionCheck.Check(raw, body, format.NoStack);
        // Pasted text (a mail, a ticket) is trimmed to what its writer thought mattered: a missing or short trace
        // is no damage when the title names a function a reader sees (issue 10 §2). Interleaving still is.
        if (corruption is not null && CorruptionCheck.IsMissingStack(corruption) && !raw.Contains(FrameExtraction.CorruptedFrame, StringComparison.Ordinal)
            && (ParsedFrames.HasOnlyUnmarkedFrames(report) || (pasted ??= !ConsoleForm.IsConsoleCapture(report.Lines))))
            corruption = null;
        return new Titled(raw, alts, corruption);
    }

    /// <summary>The choice with every section that gave no frame named by the parser's reading instead.</summary>
    private static FrameChoice WithParsed(FrameChoice choice, string parsed)
    {
        var frames = new string[choice.Frames.Count];
        var raw = new string?[frames.Length];
        for (var i = 0; i < frames.Length; i++)
        {
            var missing = choice.Frames[i] == FrameExtraction.CorruptedFrame;
            frames[i] = missing ? SyscallPrefixes.Strip(parsed) : choice.Frames[i];
            raw[i] = missing ? parsed : choice.RawFrames[i];
        }
        return new FrameChoice(frames, raw, true);
    }

    /// <summary>
    /// The format whose title pattern matches earliest on the header line (ties: table order). A header cut in
    /// two (a task name holding a newline, a mail client wrapping the line) is tried again joined with the next line.
    /// A bare line under a stamped header (<see cref="WrapOf"/>) is its tail for certain, so the header is read whole
    /// first: its head alone may match a looser format (`corrupted stack end detected` / `inside scheduler`, a KCSAN
    /// pair cut after its ` / `, a hung task cut before `blocked`).
    /// </summary>
    private static (TitleFormat?, Match?, Match?, bool) SelectWrappedFormat(ReportBody body, CrashHeader header, string? wrap)
    {
        if (wrap is not null && SelectFormat(body, header, body.Lines[0] + " " + wrap.TrimStart()) is { Item1.Corrupted: false } whole)
            return whole;
        var chosen = SelectFormat(body, header, body.Lines[0]);
        if (chosen.Item1 is null && wrap is null && body.Lines.Count > 1 && body.Lines[1] is { } next)
        {
            var joined = SelectFormat(body, header, body.Lines[0] + " " + next.TrimStart());
            if (joined.Item1 is not null)
                return joined;
        }
        return chosen;
    }

    /// <summary>Most wrapped pieces read under a header: a 1024-byte printk line cut at a mail's 72-80 columns, quoted.</summary>
    private const int MaxWrapPieces = 3;

    /// <summary>
    /// The lines right under a stamped header (uptime, caller id, syslog) that carry no prefix at all, joined: the
    /// header's own tail, wrapped by the console or the capture at its width (`[   35.502102] BUG: kernel NULL` /
    /// `pointer dereference, address: 000000c8`), once or, re-wrapped by a replier, again (`BUG: unable to handle` /
    /// `kernel` / `NULL pointer dereference at ...`). The body leaves them out as another stream; only the header's
    /// format is tried with them.
    /// </summary>
    private static string? WrapOf(IReadOnlyList<LogLine> lines)
    {
        if (lines.Count < 2 || !lines[0].Stamped)
            return null;
        var header = lines[0];
        string? wrap = null;
        for (var k = 1; k <= MaxWrapPieces && k < lines.Count; k++)
        {
            var next = lines[k];
            // No prefix at all; or, behind a collector's own envelope (syslog relaying a console), the same sender's
            // line without the printk stamp the header carries.
            var bare = next.Uptime is null && next.Context is null
                && ((!next.Stamped && next.Timestamp is null && next.Origin is null)
                    || (header.Uptime is not null && next.Host == header.Host && next.Origin == header.Origin));
            if (!bare || next.Number != header.Number + k || string.IsNullOrWhiteSpace(next.Text))
                break;
            wrap = wrap is null ? next.Text : wrap + " " + next.Text.TrimStart();
        }
        return wrap;
    }

    /// <summary>printk prints at most 1024 bytes a line; title patterns look no further (it bounds their work on hostile text).</summary>
    private const int MaxHeaderLine = 1024;

    private static (TitleFormat?, Match?, Match?, bool) SelectFormat(ReportBody body, CrashHeader header, string line)
    {
        if (line.Length > MaxHeaderLine)
            line = line[..MaxHeaderLine];
        TitleFormat? best = null;
        Match? bestMatch = null;
        Match? bestReport = null;
        var reportFailed = false;
        foreach (var format in TitleFormats.For(header.Family))
        {
            if (!format.MayMatch(line))
                continue;
            var match = format.TitleRegex.Match(line);
            if (!match.Success || (bestMatch is not null && match.Index >= bestMatch.Index))
                continue;
            Match? report = null;
            if (format.ReportRegex is { } reportRegex)
            {
                report = reportRegex.Match(body.Text);
                if (!report.Success)
                {
                    reportFailed = true;
                    continue;
                }
            }
            (best, bestMatch, bestReport) = (format, match, report);
            // Nothing can match earlier than the line's start: later formats cannot win.
            if (match.Index == 0)
                break;
        }
        return (best, bestMatch, bestReport, reportFailed && best is null);
    }

    private static List<string> Alternatives(TitleFormat format, Dictionary<string, string> captures, FrameChoice? choice, string title)
    {
        var alts = new List<string>();
        foreach (var alt in format.Alts)
            alts.Add(Fill(alt, captures, choice?.Frames));
        if (choice is null)
            return alts;
        foreach (var variant in FrameVariants(choice))
        {
            var main = Fill(format.Template, captures, variant);
            if (main != title)
                alts.Add(main);
            foreach (var alt in format.Alts)
                alts.Add(Fill(alt, captures, variant));
        }
        return alts;
    }

    /// <summary>The frames as printed, and with each single syscall prefix that shortens one of them removed.</summary>
    private static IEnumerable<string[]> FrameVariants(FrameChoice choice)
    {
        var raw = new string[choice.Frames.Count];
        for (var i = 0; i < raw.Length; i++)
            raw[i] = choice.RawFrames[i] ?? choice.Frames[i];
        yield return raw;
        foreach (var prefix in SyscallPrefixes.All)
        {
            var variant = new string[raw.Length];
            var shortened = false;
            for (var i = 0; i < raw.Length; i++)
            {
                var cut = raw[i].Length > prefix.Length && raw[i].StartsWith(prefix, StringComparison.Ordinal);
                variant[i] = cut ? raw[i][prefix.Length..] : raw[i];
                shortened |= cut;
            }
            if (shortened)
                yield return variant;
        }
    }

    private static void AddNamed(string[] groupNames, Match match, Dictionary<string, string> captures)
    {
        foreach (var name in groupNames)
            if (!int.TryParse(name, out _) && match.Groups[name] is { Success: true } group)
                captures[name] = group.Value;
    }

    private static string Fill(string template, Dictionary<string, string> captures, IReadOnlyList<string>? frames)
    {
        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }
            sb.Append(template, i, open - i);
            sb.Append(Slot(template[(open + 1)..close], captures, frames));
            i = close + 1;
        }
        return Cap(sb.ToString());
    }

    private static string Slot(string name, Dictionary<string, string> captures, IReadOnlyList<string>? frames) => name switch
    {
        "frame" => frames is { Count: > 0 } ? frames[0] : FrameExtraction.CorruptedFrame,
        "frame2" => frames is { Count: > 1 } ? frames[1] : FrameExtraction.CorruptedFrame,
        _ => captures.GetValueOrDefault(name, ""),
    };

    private static string Cap(string text) => text.Length > MaxRawTitle ? text[..MaxRawTitle] : text;

    private static string? GuiltyFrameOf(string title)
    {
        var at = title.LastIndexOf(" in ", StringComparison.Ordinal);
        if (at < 0)
            return null;
        var match = FrameName().Match(title, at + 4);
        return match.Success && match.Value != FrameExtraction.CorruptedFrame ? match.Value : null;
    }

    [GeneratedRegex(@"\G(?:<[^>]*>)?[A-Za-z0-9_:]+", RegexOptions.CultureInvariant)]
    private static partial Regex FrameName();
}
