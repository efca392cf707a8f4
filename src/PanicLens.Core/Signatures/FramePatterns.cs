using System.Text.RegularExpressions;
using PanicLens.Text;

namespace PanicLens.Signatures;

/// <summary>
/// The line shapes of kernel stack output, as pattern text (RE2-compatible, ASCII classes) compiled
/// NonBacktracking. A function name is captured as `[A-Za-z0-9_]+` stopping at `.` or `+`, which is what
/// folds `.isra.0`, `.constprop.3`, `.cold` and `.part.1` suffixes away.
/// </summary>
public static class FramePatterns
{
    /// <summary>`[&lt;ffffffff81000000&gt;]`, `[ffff]`, or `[]` where a collector stripped the address (the seed log).</summary>
    public const string Pc = @"\[<?(?:0x)?[0-9a-f]*>?\]";
    public const string Func = @"([A-Za-z0-9_]+)(?:\.|\+)";

    /// <summary>` [&lt;ffffffff81&gt;] foo+0x1/0x2 [mod]`, ` foo+0x1/0x2 mm/file.c:12`; never a `?` frame.</summary>
    public const string FrameLine = @"^[ \t]*(?:" + Pc + " +){0,2}\\.?" + Func;

    /// <summary>
    /// arm32: `[&lt;c0&gt;] (callee) from [&lt;c0&gt;] (caller+0x1/0x2)`: both names, callee first. A caller at
    /// offset 0 is not one: the callee was a noreturn call at the very end of the function before it. The callee is
    /// printed with `%ps` (arch/arm/kernel/traps.c dump_backtrace_entry), which names a module symbol's module too
    /// (`(gizmo_set [gizmo])`), and with `%pS` before 3.x, offset included: both read past, beyond the convention's form.
    /// </summary>
    public const string ArmFrameLine = @"^ *" + Pc + @" \(([A-Za-z0-9_.]+)(?:\+0x[0-9a-f]+/0x[0-9a-f]+)?(?: \[[A-Za-z0-9_.-]+(?: [0-9a-f]+)?\])?\) from " + Pc + @" \((?:([A-Za-z0-9_]+)(?:\.|\+0x0*[1-9a-f]))?";

    /// <summary>
    /// A function as scripts/decode_stacktrace.sh rewrites it: `name (path/file.c:123)`, its offset replaced by the source
    /// line (`symbol="$segment$name ($code)"`), in front of the inlined callers' locations when there are any.
    /// </summary>
    public const string DecodedFunc = @"([A-Za-z0-9_]+)(?:\.[A-Za-z0-9_.]+)? \([A-Za-z0-9_./-]+:[0-9]+";

    /// <summary>
    /// An instruction-pointer line. x86_64 kernels of 2.6.16 to 2.6.2x put a module's name in colons before its symbol
    /// (`IP: [&lt;ffffffffa00997be&gt;] :ir_common:ir_input_free+0x26/0x3e`, arch/x86_64/kernel/traps.c printk_address).
    /// </summary>
    public const string RipLine =
        @"(?:IP|NIP|pc |PC is at|IP is at):? (?:(?:[0-9a-f]+:)?(?:" + Pc + " +){0,2}\\.?(?::[A-Za-z0-9_-]+:)?" + Func +
        @"|(?:[0-9]+:)?0x[0-9a-f]+|(?:[0-9]+:)?" + Pc + @" +\[< *\(null\)>\] +\(null\)|[0-9]+: +\(null\)" +
        @"|(?:[0-9a-f]+:)?" + DecodedFunc + ")";

    /// <summary>The RIP line, or powerpc's `--- interrupt: 700 at foo+0x1/0x2`.</summary>
    public const string WarningRipLine = RipLine + @"|--- interrupt: [0-9a-f]+ at " + Func;

    public const string CallTraceLine = @"Call (?:T|t)race:|Backtrace:";

    /// <summary>Lines that open a new stack section and so end the one being read.</summary>
    public static readonly string[] StackStarts =
    [
        @"Call (?:T|t)race",
        @"^ *Allocated(?: by task [0-9]+)?:",
        @"^ *Freed(?: by task [0-9]+)?:",
        @"(?:^|[^k]) backtrace(?: \(crc [0-9a-f]+\))?:",
        @"Backtrace:",
        @"Uninit was stored to memory at",
        @"status: [0-9a-f]{16} badaddr: [0-9a-f]{16} cause: [0-9a-f]{16}",
    ];

    /// <summary>A fault-injection stack (`should_fail+0x..`) mixed into the report: its frames cannot be trusted.</summary>
    public const string CorruptedLine = @"^ *(?:\[<?[0-9a-f]+>?\] )?(?:should_fail|should_failslab)(?:\.[a-z0-9.]+)?\+0x";

    // Applied to one console line at a time: the fast interpreter, with the linear engine behind it.
    public static readonly ShortTextRegex ArmFrameRegex = new(ArmFrameLine);
    public static readonly ShortTextRegex StackStartRegex = new(string.Join("|", StackStarts), linearTests: true);
    public static readonly ShortTextRegex[] StackStartRegexes = Array.ConvertAll(StackStarts, pattern => new ShortTextRegex(pattern, linearTests: true));
    public static readonly ShortTextRegex CorruptedLineRegex = new(CorruptedLine, linearTests: true);

    /// <summary>The linear-time engine, for text of any length (and behind every <see cref="ShortTextRegex"/>).</summary>
    public static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
}
