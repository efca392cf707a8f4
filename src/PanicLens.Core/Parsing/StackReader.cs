using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>
/// Collects call traces line by line. States: outside a trace; inside one (frames append to the open section, a marker
/// such as `&lt;IRQ&gt;` opens a section of another kind, register and code lines are passed over); and just after one
/// ended on a foreign line, when a frame within <see cref="Grace"/> lines resumes it (another CPU's line cut in).
/// A bracketed-address frame outside any trace opens one (grep-filtered logs lose the `Call Trace:` line).
/// </summary>
internal sealed class StackReader(CrashReport report)
{
    /// <summary>
    /// Foreign lines a trace survives: another CPU's message, a user-space syslog line, or a getty greeting printed
    /// on the serial console mid-trace (`/etc/issue`'s two lines, a blank, `host login:`).
    /// </summary>
    private const int Grace = 6;
    private const int MaxFrames = 512;
    private readonly CrashReport _report = report;
    private List<Frame> _frames = [];
    private StackKind _kind;
    private string? _header;
    private int _startLine;
    private bool _inTrace;
    private int _sinceEnd = int.MaxValue;

    /// <summary>Reads one line; true when the line belonged to a trace and needs no other reader.</summary>
    public bool Read(in ReportLine line)
    {
        var text = line.Text;
        var header = StackSections.FindHeader(text);
        if (header is not null)
        {
            Open(header.Kind, text, line.Number);
            if (header.Literal.StartsWith("INFO: ", StringComparison.Ordinal))
                AddHeaderFrame(text[header.Literal.Length..]);
            return true;
        }
        // Markers are a `<...>` token at the line start; other lines need no search for its end.
        StackSections.Header? marker = null;
        int space = -1;
        if (text.Length > 0 && text[0] == '<')
        {
            space = text.IndexOf(' ');
            marker = StackSections.FindMarker(space < 0 ? text : text.AsSpan(0, space));
        }
        if (marker is not null)
        {
            Open(marker.Kind, marker.Literal, line.Number);
            if (space > 0 && FrameParser.TryParseFrame(text[space..], out var inline))
                Add(inline);
            return true;
        }
        if (FrameParser.TryParseFrame(text, out var frame))
        {
            // arm's `callee from caller+0x1/0x2` trace (5.16+) is printed without a `Call trace:` line.
            // A frame with offset and size (`f+0x19/0x60`) is a trace line even when the poster cut the `Call Trace:`
            // line away (`...`).
            if (!_inTrace && (_sinceEnd <= Grace || frame.HasAddress || !frame.Reliable || frame.Size is not null
                || text.Contains(" from ", StringComparison.Ordinal)))
                Resume(line.Number);
            if (_inTrace)
            {
                Add(frame);
                return true;
            }
            return false;
        }
        if (_inTrace)
            PassOrEnd(text);
        else if (_sinceEnd < int.MaxValue)
            _sinceEnd++;
        return false;
    }

    /// <summary>Closes the open section; call once after the last line.</summary>
    public void Finish() => Flush();

    private void PassOrEnd(string text)
    {
        if (IsPassedOver(text))
        {
            ApplyTrailingMarker(text);
            return;
        }
        _inTrace = false;
        // `---[ end trace` closes the report's trace for good: frames after it belong to something else. Any other
        // line may be foreign output cut in; the section stays open for a frame within the grace lines.
        if (text.StartsWith("---[ end", StringComparison.Ordinal))
        {
            Flush();
            _sinceEnd = int.MaxValue;
        }
        else
            _sinceEnd = 1;
    }

    /// <summary>`RSP: 0018:ffffa2e4cca47ea0 EFLAGS: 00000246 &lt;/#MC&gt;`: a marker glued to a register line.</summary>
    private void ApplyTrailingMarker(string text)
    {
        int space = text.LastIndexOf(' ');
        if (space < 0)
            return;
        var marker = StackSections.FindMarker(text.AsSpan(space + 1));
        if (marker is not null)
            Open(marker.Kind, marker.Literal, 0);
    }

    /// <summary>Lines printed inside a trace that do not end it: register dumps, `Code:`, arm32 unwinder registers and exception stacks.</summary>
    private static bool IsPassedOver(string text)
    {
        if (text.StartsWith("Code:", StringComparison.Ordinal) || text.StartsWith("Exception stack(", StringComparison.Ordinal)
            || text.StartsWith("RIP: ", StringComparison.Ordinal) || text.StartsWith("EIP: ", StringComparison.Ordinal))
            return true;
        int colon = text.IndexOf(':');
        if (colon is < 1 or > 16)
            return false;
        var name = text.AsSpan(0, colon).TrimEnd();
        if (RegisterNames.IsRegister(name))
            return true;
        // arm32 `r10:c41bfc0c` and exception-stack dump rows `ffa0: 00000000 ...`.
        bool hex = true;
        foreach (char c in name)
            hex &= char.IsAsciiHexDigit(c);
        return hex || (name.Length <= 3 && name[0] == 'r' && char.IsAsciiDigit(name[^1]));
    }

    private void AddHeaderFrame(string text)
    {
        int age = text.IndexOf(" age=", StringComparison.Ordinal);
        if (FrameParser.TryParseFrame(age > 0 ? text[..age] : text, out var frame))
            Add(frame);
    }

    private void Open(StackKind kind, string header, int number)
    {
        Flush();
        _kind = kind;
        _header = header;
        _startLine = number;
        _inTrace = true;
        _sinceEnd = int.MaxValue;
    }

    private void Resume(int number)
    {
        if (_sinceEnd > Grace)
        {
            Flush();
            _kind = StackKind.Task;
            _header = null;
            _startLine = number;
        }
        _inTrace = true;
        _sinceEnd = int.MaxValue;
    }

    private void Add(Frame frame)
    {
        if (_frames.Count < MaxFrames)
            _frames.Add(frame);
    }

    private void Flush()
    {
        if (_frames.Count == 0)
            return;
        _report.Stacks.Add(new CallTrace(_kind, _frames) { StartLine = _startLine, Header = _header });
        _frames = [];
    }
}
