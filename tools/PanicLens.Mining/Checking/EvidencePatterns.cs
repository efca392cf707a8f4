using System.Text.RegularExpressions;

namespace PanicLens.Mining.Checking;

/// <summary>
/// The evidence rules of the label-free check, one row per printed form. Each is what a kernel engineer reads off
/// the text without any parser: a task line names comm and pid, a release names the kernel, a symbolised frame
/// names a function. Patterns run with <see cref="RegexOptions.NonBacktracking"/> on mail text.
/// </summary>
public static class EvidencePatterns
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>Symbol, offset and size as %pS prints them (lib/vsprintf.c symbol_string → sprint_symbol).</summary>
    public const string Symbol = @"(?<function>[A-Za-z_][\w.$]*)\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+";

    public static readonly EvidencePattern[] All =
    [
        Row(EvidenceKind.Task, "CPU: PID: Comm:", "PID:", @"\bPID: (?<pid>\d+) Comm: ?(?<comm>\S*)",
            "lib/dump_stack.c dump_stack_print_info: `CPU: %d [UID: %u ]PID: %d Comm: %.20s` (3.x on)"),
        Row(EvidenceKind.Task, "Pid: comm:", "Pid:", @"\bPid: (?<pid>\d+), comm: ?(?<comm>\S*)",
            "arch/x86/kernel/process.c show_regs_common (2.6.x–3.x): `Pid: %d, comm: %.20s`"),
        Row(EvidenceKind.Task, "Process (pid:", "(pid:", @"\bProcess (?<comm>[^()]{1,20}) \(pid: (?<pid>\d+)",
            "arch/arm/kernel/traps.c __die, i386/ppc die: `Process %.*s (pid: %d, stack limit = ...)`"),
        Row(EvidenceKind.Task, "INFO: task X:N blocked", "INFO: task", @"INFO: task (?<comm>.{1,20}):(?<pid>\d+) blocked",
            "kernel/hung_task.c check_hung_task: `INFO: task %s:%d blocked for more than %ld seconds.`"),
        Row(EvidenceKind.Task, "TASK = [N] 'comm'", "TASK =", @"TASK = \S+\[(?<pid>\d+)\] '(?<comm>[^']{0,20})' THREAD",
            "arch/powerpc/kernel/process.c show_regs: `TASK = %px[%d] '%s' THREAD: %px`"),
        Row(EvidenceKind.Task, "task:X state: pid:", "task:", @"\btask:(?<comm>\S+) +state:\S+(?: +running task)? +stack: *\d+ +pid: *(?<pid>\d+)",
            "kernel/sched/core.c sched_show_task (5.14 on): `task:%-15.15s state:%c`, `  running task    ` when it runs, then ` stack:%-5lu pid:%-5d`"),
        Row(EvidenceKind.Task, "by task X/N", "by task", @"\bby task (?<comm>\S+)/(?<pid>\d+)",
            "mm/kasan/report.c print_error_description / KCSAN / KFENCE: `... by task %s/%d`"),

        Row(EvidenceKind.Release, "Not tainted R", "ainted", @"Not tainted +\(?(?<release>\d+\.\d+[^\s#()]*)",
            "print_tainted() == \"Not tainted\" then init_utsname()->release in dump_stack_print_info / show_regs"),
        Row(EvidenceKind.Release, "Tainted: FLAGS R", "ainted", @"Tainted: [A-Z ]*[A-Z] +\(?(?<release>\d+\.\d+[^\s#()]*)",
            "kernel/panic.c print_tainted `Tainted: ` + letters, then the release (dump_stack_print_info)"),
        Row(EvidenceKind.Release, "Linux version banner", "Linux version", @"Linux version (?<release>\d+\.\d+\S*) \(",
            "init/version.c linux_banner: `Linux version %s (%s@%s) ...`; printed at boot, so read before the report too"),

        Row(EvidenceKind.Taint, "Not tainted", "ainted", @"\bNot tainted\b",
            "kernel/panic.c print_tainted: `Not tainted` when no flag is set"),
        Row(EvidenceKind.Taint, "Tainted: FLAGS", "ainted", @"\bTainted: (?<taint>[A-Z][A-Z ]*?) +[\[(]?\d",
            "kernel/panic.c print_tainted: `Tainted: ` and one letter or blank per flag (`G` for none of P), then the release"),
        Row(EvidenceKind.Hardware, "Hardware name:", "Hardware name: ", @"Hardware name: (?<hardware>\S.*)",
            "lib/dump_stack.c dump_stack_print_info: `Hardware name: %s` (dmi_get_system_info / the device tree's model)"),

        Row(EvidenceKind.Frame, "symbolised frame", "+0x", Symbol,
            "%pS/%pB in every trace and IP line: RIP:, EIP:, pc :, PC is at, NIP [..], epc :, Krnl PSW (..), [<..>] frames"),

        Row(EvidenceKind.Header, "crash header", "",
            @"(BUG: |WARNING: |Oops|Unable to handle kernel|general protection fault|Kernel panic - not syncing|INFO: task .{1,40} blocked|INFO: rcu_\w+ (self-)?detected|rcu: INFO: rcu_|kernel BUG at|Internal error: |UBSAN: )",
            "the header lines CrashPrefilter looks for, as the kernel prints them (report.c, traps.c, panic.c, hung_task.c, rcu/tree_stall.h)"),
    ];

    private static EvidencePattern Row(EvidenceKind kind, string form, string literal, string pattern, string why) =>
        new(kind, form, literal, new Regex(pattern, Options), why);
}
