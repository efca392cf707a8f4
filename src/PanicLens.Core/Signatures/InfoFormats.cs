using static PanicLens.Signatures.FramePatterns;

namespace PanicLens.Signatures;

/// <summary>Titles for `INFO:` headers: hung tasks, RCU stalls, old bracketed lockdep reports.</summary>
public static class InfoFormats
{
    private const string AtPc = @"at: " + Pc + " +(?<f>[A-Za-z0-9_]+)";

    public static readonly TitleFormat[] All =
    [
        new(@"\[ INFO: possible circular locking dependency detected \]", "possible deadlock in {f}") { Report = @"is trying to acquire lock(?:.*\n)+?.*" + AtPc, Why = "pre-4.x lockdep banner" },
        new(@"\[ INFO: possible irq lock inversion dependency detected \]", "possible deadlock in {f}") { Report = @"just changed the state of lock(?:.*\n)+?.*" + AtPc },
        new(@"\[ INFO: [A-Z]+-safe -> [A-Z]+-unsafe lock order detected \]", "possible deadlock in {f}") { Report = @"is trying to acquire(?:.*\n)+?.*" + AtPc },
        new(@"\[ INFO: possible recursive locking detected \]", "possible deadlock in {f}") { Report = @"is trying to acquire lock(?:.*\n)+?.*" + AtPc },
        new(@"\[ INFO: inconsistent lock state \]", "inconsistent lock state in {f}") { Report = @"takes(?:.*\n)+?.*" + AtPc },
        new(@"INFO: rcu_(?:preempt|sched|bh|tasks)(?:_trace)? (?:self-)?detected(?: expedited)? stall", "INFO: rcu detected stall in {frame}")
        {
            Alts = ["stall in {frame}"],
            Stack = new([StackPart.Find("apic_timer_interrupt"), StackPart.Rip, StackPart.Trace])
            {
                AltParts = [StackPart.Find(@"apic_timer_interrupt|Exception stack|el1h_64_irq"), StackPart.Trace],
                Skip = ["apic_timer_interrupt", "rcu"],
                Extractor = StackExtractor.Stall,
            },
            Why = "RCU stall: the stalled CPU's frames below the timer interrupt",
        },
        new(@"INFO: trying to register non-static key", "INFO: trying to register non-static key in {frame}")
        {
            Stack = StackSpec.CallTrace("stack", "lock", "IRQ"),
        },
        new(@"INFO: task .{1,100}? blocked (?:in I/O wait )?for more than [0-9]+ seconds", "INFO: task hung in {frame}")
        {
            Alts = ["hang in {frame}"],
            Stack = StackSpec.CallTrace() with { Extractor = StackExtractor.HungTask },
            Why = "kernel/hung_task.c: a D-state task did not run for the timeout",
        },
        new(@"^[ \t]{0,16}(?:task:[^\t]{1,15}? {1,16}state:D |[^ \t][^\t]{0,14}? {1,16}D )", "INFO: task hung in {frame}")
        {
            Alts = ["hang in {frame}"],
            Stack = StackSpec.CallTrace() with { Extractor = StackExtractor.HungTask },
            Why = "ours: a blocked task's dump standing alone (sysrq-w, or a hung-task report whose first lines were not captured): the same hang",
        },
        new(@"INFO: task .{1,100}? can't die for more than ", "INFO: task can't die in {frame}")
        {
            Alts = ["hang in {frame}"], Stack = StackSpec.CallTrace("schedule"),
        },
        new(@"INFO: (?<what>Freed|Allocated) in (?<rest>.*)", "INFO: {what} in {rest}") { Corrupted = true, Why = "SLUB debug trail printed without its report" },
        new(@"INFO: suspicious RCU usage", "INFO: suspicious RCU usage in {frame}")
        {
            Report = @"INFO: suspicious RCU usage(?:.*\n)+?.*[A-Za-z0-9_\-/]+\.[ch]:[0-9]+",
            Stack = StackSpec.CallTrace("rcu", "kmem", "slab"),
        },
        new(@"INFO:[ \t]*\z", "INFO: corrupted") { Corrupted = true },
    ];
}
