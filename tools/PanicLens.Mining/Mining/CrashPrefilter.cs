using System.Buffers;
using System.Text.RegularExpressions;

namespace PanicLens.Mining.Mining;

/// <summary>
/// Decides cheaply whether a mail's text holds a kernel crash report: one of the header literals the kernel prints
/// (one vectorised <see cref="SearchValues{T}"/> scan) and at least one symbolised frame `func+0x1c/0x30` (checkpatch's
/// `WARNING:` lines and prose that names a `BUG:` print none).
/// </summary>
public static partial class CrashPrefilter
{
    /// <summary>Each literal is printed by the kernel at the start of a report or its stack.</summary>
    private static readonly string[] Literals =
    [
        "Call Trace:",                  // x86, ppc, s390, mips: show_trace_log_lvl / show_stack
        "Call trace:",                  // arm64: dump_backtrace
        "Backtrace:",                   // arm: dump_backtrace without unwinder
        "BUG:",                         // BUG: unable to handle, soft lockup, KASAN, sleeping function...
        "WARNING:",                     // __warn, lockdep
        "Oops",                         // Oops: / Internal error: Oops
        "Unable to handle kernel",      // arm, arm64, ppc, s390 faults
        "general protection fault",     // x86 do_general_protection
        "Kernel panic",                 // panic()
        "INFO: task",                   // hung_task.c
        "rcu_",                         // rcu_sched / rcu_preempt stall reports
        "kernel BUG at",                // BUG() with file and line
        "Internal error:",              // arm/arm64 die()
        "UBSAN:",                       // lib/ubsan.c
    ];

    private static readonly SearchValues<string> Headers = SearchValues.Create(Literals, StringComparison.Ordinal);

    public static bool HoldsCrash(string text) =>
        text.AsSpan().IndexOfAny(Headers) >= 0 && SymbolisedFrame().IsMatch(text);

    /// <summary>`name+0xOFF/0xSIZE`, the form print_symbol/%pS gives every kernel frame and instruction pointer.</summary>
    [GeneratedRegex(@"[A-Za-z_][\w.]*\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+", RegexOptions.NonBacktracking)]
    private static partial Regex SymbolisedFrame();
}
