using System.Buffers;
using PanicLens.Detection;
using PanicLens.Ingest;
using PanicLens.Model;

namespace PanicLens.Cli.Scanning;

/// <summary>
/// The scan's fast path: gives the pipeline only the lines that can matter, so a log is read at the speed of a byte
/// search. It reads the log's text through one bounded buffer; while no report is open (<see cref="ReportPipeline.Idle"/>)
/// it searches the raw bytes for the detector's header literals and the boot banner with <see cref="LiteralSearch"/>,
/// counts newlines, and decodes only the lines a literal is on. A line that opens a report (stripped and tested by the
/// detector's own <see cref="HeaderScanner"/>) switches to reading every line, from the line before it, through the
/// pipeline's own <see cref="LineReader"/>; once the detector is idle again and the last line read opens nothing, the
/// search resumes at the first line the reader has not given out. The lines left out are lines the detector ignores
/// while idle, so the reports are those of a full read (`analyze`). Boot banners are always given out (they name the
/// kernel of reports that print none) and kept with their syslog host for `hosts`.
/// </summary>
public sealed class SparseLogReader : IDisposable
{
    public const int DefaultBufferSize = 1 << 20;

    private const string BannerLiteral = "Linux version ";

    /// <summary>The syslog tag of kernel lines: other programs' lines never open a report (as in the detector).</summary>
    private const string KernelOrigin = "kernel";


    /// <summary>The header literals, trace hints and the boot banner: what makes a line worth decoding.</summary>
    public static readonly LiteralSearch Literals =
        new([.. CrashHeaders.All.Select(h => h.Literal), .. CrashHeaders.TraceHints, BannerLiteral]);

    /// <summary>
    /// Lines read before a trace hint (<see cref="CrashHeaders.TraceHints"/>): a blocked task's dump line opens its
    /// report from there (2.6 prints the task's raw stack words between the two).
    /// </summary>
    private const int TraceHintLookback = 8;

    private readonly Stream text;
    private readonly Func<bool> idle;
    private readonly byte[] buffer;
    private readonly int capacity;
    private int end;
    private bool ended;
    /// <summary>Where the next line to look at starts in <see cref="buffer"/>, and the newlines of the text before it.</summary>
    private int position;
    private long lines;
    /// <summary>The text's offset of <see cref="buffer"/>[0].</summary>
    private long bufferOffset;
    /// <summary>Number of the last line given out; a line is never given twice.</summary>
    private long given;
    private readonly Dictionary<string, string> hostNames = new(StringComparer.Ordinal);

    /// <summary>Syslog hosts whose names and last boots are remembered, at most.</summary>
    private const int MaxHostsKept = 1 << 16;

    public SparseLogReader(Stream text, Func<bool> idle, int bufferSize = DefaultBufferSize)
    {
        this.text = text;
        this.idle = idle;
        capacity = bufferSize;
        buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>Newlines in the text read.</summary>
    public long Newlines => lines;

    /// <summary>Bytes of text read.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Bytes up to and including the last newline (where the next whole line starts).</summary>
    public long LastNewlineEnd { get; private set; }

    public bool EndsWithNewline => BytesRead == LastNewlineEnd;

    /// <summary>The last boot banner read of each syslog host (null: lines without one), with its line, date and release.</summary>
    public IEnumerable<BootRecord> Boots => lastBoots.Values;

    private readonly Dictionary<string, BootRecord> lastBoots = new(StringComparer.Ordinal);

    /// <summary>The release of the last boot banner read, whichever host printed it.</summary>
    public string? LastRelease { get; private set; }

    /// <summary>The search of a large plain log on all cores, asked for hits instead of searching here (null: search here).</summary>
    public SegmentedLiteralSearch? Search { get; init; }

    /// <summary>A line given before the log's first: a boot banner of an earlier read, so its release still counts.</summary>
    public LogLine? Preamble { get; init; }

    public IEnumerable<LogLine> Lines()
    {
        if (Preamble is { } preamble)
            yield return preamble;
        while (true)
        {
            var hit = FindCandidate(out var lineStart, out var lineEnd);
            if (hit is null)
                yield break;
            var line = hit;
            if (OpensReport(line) || IsTraceHint(line))
            {
                foreach (var read in ReadAll(lineStart, line.Number, OpensReport(line) ? 1 : TraceHintLookback))
                    yield return read;
                continue;
            }
            // A boot banner, or a literal on a line that opens nothing.
            Advance(lineEnd);
            if (line.Text.Contains(BannerLiteral, StringComparison.Ordinal))
            {
                given = line.Number;
                ObserveBanner(line, MachineName(line));
                yield return line;
            }
        }
    }

    /// <summary>The next line holding a literal, decoded; null at the end of the text.</summary>
    private LogLine? FindCandidate(out int lineStart, out int lineEnd)
    {
        while (true)
        {
            var limit = SearchLimit();
            if (position == limit)
            {
                if (!Fill(position))
                {
                    (lineStart, lineEnd) = (position, position);
                    return null;
                }
                continue;
            }
            var text = buffer.AsSpan(0, limit);
            var hit = Search is { } search ? search.IndexOf(text, position, bufferOffset) : Literals.IndexOf(text, position, out _);
            if (hit < 0)
            {
                Advance(limit);
                continue;
            }
            lineStart = text[position..hit].LastIndexOf((byte)'\n') is var n and >= 0 ? position + n + 1 : position;
            Advance(lineStart);
            lineEnd = text[hit..].IndexOf((byte)'\n') is var e and >= 0 ? hit + e + 1 : limit;
            var raw = text[lineStart..lineEnd].TrimEnd((byte)'\n');
            return LineReader.ReadLine(raw, checked((int)(lines + 1)));
        }
    }

    /// <summary>The end of the whole lines in the buffer (the end of the text at its end; a line longer than the buffer is cut).</summary>
    private int SearchLimit()
    {
        if (ended || position == end)
            return end;
        var last = buffer.AsSpan(position, end - position).LastIndexOf((byte)'\n');
        if (last >= 0)
            return position + last + 1;
        return end - position == capacity ? end : position;
    }

    /// <summary>Moves <see cref="position"/> forward to <paramref name="to"/>, counting the newlines passed.</summary>
    private void Advance(int to)
    {
        if (to <= position)
            return;
        var span = buffer.AsSpan(position, to - position);
        var newlines = span.Count((byte)'\n');
        if (newlines > 0)
        {
            lines += newlines;
            LastNewlineEnd = bufferOffset + position + span.LastIndexOf((byte)'\n') + 1;
        }
        position = to;
    }

    /// <summary>Keeps the buffer from <paramref name="keep"/> on and reads more; false when nothing more came.</summary>
    private bool Fill(int keep)
    {
        if (ended)
            return false;
        if (keep > 0)
        {
            buffer.AsSpan(keep, end - keep).CopyTo(buffer);
            end -= keep;
            position -= keep;
            bufferOffset += keep;
            feedPosition -= keep;
            if (lineStart >= 0)
                lineStart -= keep;
        }
        var before = end;
        int read;
        while (end < capacity && (read = text.Read(buffer, end, capacity - end)) > 0)
            end += read;
        BytesRead += end - before;
        if (end < capacity)
            ended = true;
        return end > before;
    }

    private static bool OpensReport(LogLine line) =>
        (line.Origin is not { } origin || origin == KernelOrigin) && HeaderScanner.Match(line.Text) is not null;

    private static bool IsTraceHint(LogLine line) =>
        (line.Origin is not { } origin || origin == KernelOrigin) && CrashHeaders.HasTraceHint(line.Text);

    // ---- every line, while a report is open ----

    /// <summary>Next byte the line reader gets, and the newlines before it.</summary>
    private int feedPosition;
    private long feedLines;
    /// <summary>Start of the last line the line reader got (-1 when a line longer than the buffer lost it), and newlines before it.</summary>
    private int lineStart;
    private long lineStartLines;
    private bool atLineStart;

    /// <summary>
    /// Gives every line from <paramref name="lookback"/> lines before <paramref name="header"/> (those not given yet), until the detector is idle
    /// after a line that opens nothing; then leaves <see cref="position"/> at the first line not given. While the open reports all
    /// belong to one syslog host, the lines of other hosts that can open nothing are given from their raw bytes (<see cref="PassForeign"/>).
    /// </summary>
    private IEnumerable<LogLine> ReadAll(int headerStart, long header, int lookback)
    {
        var from = headerStart;
        var fromLines = lines;
        // Step back over up to `lookback` lines not given yet that are still in the buffer.
        for (var back = 0; back < lookback && header - 1 - back > given && from > 0; back++)
        {
            var n = buffer.AsSpan(0, from - 1).LastIndexOf((byte)'\n');
            if (n < 0 && bufferOffset != 0)
                break;
            (from, fromLines) = (n + 1, fromLines - 1);
        }
        (position, lines) = (from, fromLines);
        while (true)
        {
            string? sole = null;
            foreach (var line in Decoded())
            {
                yield return line;
                if (line.Number < header)
                    continue;
                if (idle() && !OpensReport(line))
                    yield break;
                if (ForeignTo(line) is { } host)
                {
                    sole = host;
                    break;
                }
            }
            if (sole is null)
                yield break;
            foreach (var line in PassForeign(sole))
                yield return line;
            if (idle())
                yield break;
        }
    }

    /// <summary>
    /// Every line from <see cref="position"/> through the line reader, until the caller stops asking; then leaves
    /// <see cref="position"/> at the first line not given.
    /// </summary>
    private IEnumerable<LogLine> Decoded()
    {
        var fromLines = lines;
        (feedPosition, feedLines, lineStart, lineStartLines, atLineStart) = (position, lines, position, lines, true);
        var stopped = false;
        try
        {
            foreach (var read in LineReader.Read(new Feed(this)))
            {
                var line = read with { Number = checked((int)(fromLines + read.Number)) };
                given = line.Number;
                if (line.Text.Contains(BannerLiteral, StringComparison.Ordinal))
                    ObserveBanner(line, MachineName(line));
                stopped = true;
                yield return line;
                stopped = false;
            }
        }
        finally
        {
            // Stopped after a line: the line reader has read the next one (to see whether it continues this one), not given it.
            if (stopped && lineStart >= 0)
                (position, lines) = (lineStart, lineStartLines);
            else
                (position, lines) = (feedPosition, feedLines);
        }
    }

    /// <summary>
    /// The host whose reports alone are open, when the lines after <paramref name="last"/> may be read as <see cref="PassForeign"/>
    /// does: <paramref name="last"/>, which the detector has not taken yet, opens no report of another host, and the next line (which
    /// the line reader has read but not given) is such a line, so the line reader is not left and restarted for nothing.
    /// </summary>
    private string? ForeignTo(LogLine last)
    {
        if (SoleHost?.Invoke() is not { } host || lineStart < 0 || !atLineStart || lineStartLines + 1 <= given)
            return null;
        // The cheap byte tests first: inside a report the next line is nearly always the report's host's.
        var next = buffer.AsSpan(lineStart, feedPosition - 1 - lineStart);
        if (ForeignHost(next, Own(host)) is null || Literals.IndexOf(next, 0, out _) >= 0)
            return null;
        return last.Host == host || (!OpensReport(last) && TaskDumpLine.State(last.Text) == '\0') ? host : null;
    }

    private string? ownHost;
    private byte[] ownBytes = [];

    /// <summary>The host and the blank after it, as the raw line holds them.</summary>
    private byte[] Own(string host)
    {
        if (host != ownHost)
            (ownHost, ownBytes) = (host, System.Text.Encoding.Latin1.GetBytes(host + " "));
        return ownBytes;
    }

    /// <summary>The syslog host of every open report (<see cref="ReportPipeline.SoleHost"/>); null: every line is decoded.</summary>
    public Func<string?>? SoleHost { get; init; }

    /// <summary>
    /// Gives the lines from <see cref="position"/> that are certainly another host's than <paramref name="host"/> and open nothing as
    /// empty lines of their host, without decoding them: for the detector they only count toward its foreign-line limit. Stops
    /// before the first line that is not such a line, or once the detector is idle.
    /// </summary>
    private IEnumerable<LogLine> PassForeign(string host)
    {
        var own = Own(host);
        // Where the next literal starts in the buffer, searched a window at a time (not a line at a time, nor to the buffer's end).
        int literal = 0, searched = -1;
        while (true)
        {
            var newline = buffer.AsSpan(position, end - position).IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (!Fill(position))
                    yield break;
                searched = -1;
                continue;
            }
            if (position >= searched)
            {
                // The window ends at a newline, so no line (and no literal) crosses its end.
                var window = buffer.AsSpan(position, Math.Min(end - position, ForeignWindow));
                searched = position + Math.Max(window.LastIndexOf((byte)'\n'), newline) + 1;
                literal = Literals.IndexOf(buffer.AsSpan(0, searched), position, out _) is var hit and >= 0 ? hit : int.MaxValue;
            }
            if (literal < position + newline)
                yield break;
            var other = ForeignHost(buffer.AsSpan(position, newline), own);
            if (other is null)
                yield break;
            Advance(position + newline + 1);
            given = lines;
            yield return new LogLine(checked((int)lines), "", null, null) { Host = other };
            if (idle())
                yield break;
        }
    }

    /// <summary>Bytes searched for literals at a time while passing other hosts' lines (a report's foreign stretch is ~100 KiB).</summary>
    private const int ForeignWindow = 64 * 1024;

    /// <summary>The start of the detector's replay marker (`** replaying previous printk message **`).</summary>
    private static readonly byte[] ReplayMarker = "** replaying"u8.ToArray();


    /// <summary>
    /// The host of a raw line that the line reader would read as another host's than <paramref name="own"/> (the host and a blank)
    /// and in which the detector finds nothing (no task dump line, no replay marker; the caller looks for header literals); else null.
    /// </summary>
    private static string? ForeignHost(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> own)
    {
        if (raw.IndexOf(own) >= 0 || SyslogHostField.Read(raw) is not { } other)
            return null;
        if (raw.IndexOf("task:"u8) >= 0 || raw.IndexOf(ReplayMarker) >= 0)
            return null;
        // The old task dump line ends in its flags word (`0x00000000`, TaskDumpLine.Old); `string.TrimEnd()` trims these of a plain
        // Latin-1 line (SyslogHostField leaves no other control or blank in it).
        var trimmed = raw;
        while (trimmed.Length > 0 && trimmed[^1] is (byte)' ' or (byte)'\t' or 0x85)
            trimmed = trimmed[..^1];
        return trimmed.Length < 10 || (trimmed[^10] == '0' && trimmed[^9] == 'x') ? null : other;
    }

    /// <summary>One raw line per read (or a buffer's worth of a longer one), so the reader's position is known.</summary>
    private int FeedRead(Span<byte> destination)
    {
        if (feedPosition == end)
        {
            var keep = lineStart >= 0 ? lineStart : feedPosition;
            if (keep == 0 && end == capacity)
            {
                // A line longer than the buffer: its start is given up.
                lineStart = -1;
                keep = feedPosition;
            }
            if (!Fill(keep))
                return 0;
        }
        if (atLineStart)
            (lineStart, lineStartLines) = (feedPosition, feedLines);
        var available = buffer.AsSpan(feedPosition, end - feedPosition);
        var newline = available.IndexOf((byte)'\n');
        var take = Math.Min(destination.Length, newline >= 0 ? newline + 1 : available.Length);
        available[..take].CopyTo(destination);
        feedPosition += take;
        atLineStart = newline >= 0 && take == newline + 1;
        if (atLineStart)
        {
            feedLines++;
            LastNewlineEnd = bufferOffset + feedPosition;
        }
        return take;
    }

    /// <summary>
    /// The syslog host the line reader read off the line's prefix (<see cref="LogLine.Host"/>); a name a machine gives
    /// itself before it knows its own (`localhost`) is no host.
    /// </summary>
    public static string? MachineName(LogLine line) =>
        line.Host is null or "localhost" or "localhost.localdomain" ? null : line.Host;

    private string Intern(string host)
    {
        if (hostNames.TryGetValue(host, out var known))
            return known;
        if (hostNames.Count < MaxHostsKept)
            hostNames[host] = host;
        return host;
    }

    private void ObserveBanner(LogLine line, string? host)
    {
        var at = line.Text.IndexOf(BannerLiteral, StringComparison.Ordinal) + BannerLiteral.Length;
        var release = line.Text.AsSpan(at);
        if (release.IndexOf(' ') is var space and >= 0)
            release = release[..space];
        if (release.Length is 0 or > 128)
            return;
        host = host is null ? null : Intern(host);
        LastRelease = release.ToString();
        if (lastBoots.Count < MaxHostsKept)
            lastBoots[host ?? ""] = new BootRecord(line.Number, line.Timestamp, release.ToString(), host);
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);

    private sealed class Feed(SparseLogReader owner) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer) => owner.FeedRead(buffer);
    }
}

/// <summary>A boot banner (`Linux version R ...`) read in a log: its line, its date when the prefix gave one, its release, its syslog host.</summary>
public sealed record BootRecord(long Line, string? Timestamp, string Release, string? Host);
