using PanicLens.Model;

namespace PanicLens.Parsing;

/// <summary>Lines that open a call trace, and the in-trace markers that switch to another stack (`&lt;IRQ&gt;`, `&lt;NMI&gt;`...).</summary>
internal static class StackSections
{
    internal sealed record Header(string Literal, StackKind Kind, string Why);

    /// <summary>Matched at the start of a line.</summary>
    public static readonly Header[] Headers =
    [
        new("Call Trace:", StackKind.Task, "x86 show_trace_log_lvl / dump_stack"),
        new("Call trace:", StackKind.Task, "arm64 dump_backtrace"),
        new("Backtrace:", StackKind.Task, "arm32 dump_backtrace"),
        new("Xen call trace:", StackKind.Task, "Xen show_trace"),
        new("stack backtrace:", StackKind.Task, "lockdep print_*_bug"),
        new("backtrace:", StackKind.Task, "mm/kmemleak.c print_unreferenced: the leaked object's allocation, the report's only stack"),
        new("backtrace (crc ", StackKind.Task, "mm/kmemleak.c print_unreferenced since 6.7 prints the trace's checksum"),
        new("Allocated by task ", StackKind.Allocation, "KASAN print_track (alloc)"),
        new("Freed by task ", StackKind.Free, "KASAN print_track (free)"),
        new("INFO: Allocated in ", StackKind.Allocation, "SLUB debug print_track; the header names the first frame"),
        new("INFO: Freed in ", StackKind.Free, "SLUB debug print_track; the header names the first frame"),
        new("Last potentially related work creation:", StackKind.Other, "KASAN aux stack"),
        new("Second to last potentially related work creation:", StackKind.Other, "KASAN aux stack"),
        new("Last Breaking-Event-Address:", StackKind.Other, "s390 show_last_breaking_event"),
    ];

    /// <summary>Matched as a whole token; the kind that follows it.</summary>
    public static readonly Header[] Markers =
    [
        new("<IRQ>", StackKind.Irq, "x86 hardirq stack"),
        new("</IRQ>", StackKind.Task, "end of hardirq stack (4.9+)"),
        new("<EOI>", StackKind.Task, "end of interrupt stack (before 4.9)"),
        new("<SOFTIRQ>", StackKind.SoftIrq, "x86 softirq stack"),
        new("</SOFTIRQ>", StackKind.Task, "end of softirq stack"),
        new("<NMI>", StackKind.Nmi, "NMI stack"),
        new("</NMI>", StackKind.Task, "end of NMI stack"),
        new("<EOE>", StackKind.Task, "end of exception stack (before 4.9)"),
        new("<#MC>", StackKind.Exception, "machine-check exception stack"),
        new("</#MC>", StackKind.Task, "end of machine-check stack"),
        new("<#DF>", StackKind.Exception, "double-fault stack"),
        new("</#DF>", StackKind.Task, "end of double-fault stack"),
        new("<#DB>", StackKind.Exception, "debug exception stack"),
        new("</#DB>", StackKind.Task, "end of debug stack"),
        new("<#VC>", StackKind.Exception, "SEV #VC stack"),
        new("</#VC>", StackKind.Task, "end of #VC stack"),
        new("<TASK>", StackKind.Task, "task stack (5.16+)"),
        new("</TASK>", StackKind.Task, "end of task stack"),
    ];

    private static readonly System.Buffers.SearchValues<char> HeaderFirstChars =
        System.Buffers.SearchValues.Create(string.Concat(Headers.Select(header => header.Literal[0]).Distinct()));

    public static Header? FindHeader(string text)
    {
        if (text.Length == 0 || !HeaderFirstChars.Contains(text[0]))
            return null;
        foreach (var header in Headers)
            if (text.StartsWith(header.Literal, StringComparison.Ordinal))
                return header;
        return null;
    }

    public static Header? FindMarker(ReadOnlySpan<char> token)
    {
        if (token.Length < 5 || token[0] != '<')
            return null;
        foreach (var marker in Markers)
            if (token.SequenceEqual(marker.Literal))
                return marker;
        return null;
    }
}
