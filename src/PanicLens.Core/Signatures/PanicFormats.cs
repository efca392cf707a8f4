using static PanicLens.Signatures.FramePatterns;

namespace PanicLens.Signatures;

/// <summary>Titles for `Kernel panic - not syncing:` when it is the first header of a report (kernel/panic.c).</summary>
public static class PanicFormats
{
    private const string NotSyncing = "Kernel panic - not syncing: ";

    public static readonly TitleFormat[] All =
    [
        new(NotSyncing + @"stack-protector: Kernel stack is corrupted in: (?:0x)?[0-9a-f]+[ \t]*\z", "kernel panic: stack is corrupted in {frame}")
        {
            Stack = StackSpec.CallTrace("stack_chk"), Why = "__stack_chk_fail printed only an address",
        },
        new(NotSyncing + @"stack-protector: Kernel stack is corrupted in: (?<f>[A-Za-z0-9_]+)", "kernel panic: stack is corrupted in {f}")
        {
            NoStack = true, Why = "__stack_chk_fail names its caller",
        },
        new(NotSyncing + @"corrupted stack end detected inside scheduler", "kernel panic: corrupted stack end in {frame}")
        {
            Alts = ["stack-overflow in {frame}"],
            Stack = StackSpec.CallTrace("schedule", "retint_kernel") with { Extractor = StackExtractor.Stall },
        },
        new(NotSyncing + @"kernel stack overflow", "kernel stack overflow in {frame}")
        {
            Alts = ["stack-overflow in {frame}"],
            Stack = StackSpec.CallTrace("bad_stack") with { Extractor = StackExtractor.Stall },
        },
        new(NotSyncing + @"Attempted to kill init!", "kernel panic: Attempted to kill init!") { Why = "init exited or was killed" },
        new(NotSyncing + @"Couldn't open N_TTY ldisc", "kernel panic: Couldn't open N_TTY ldisc") { NoStack = true },
        new(NotSyncing + @"(?<what>Fatal exception|panic_on_warn set|hung_task: blocked tasks)", "kernel panic: {what}")
        {
            Corrupted = true, Why = "the panic restates an earlier report that was lost",
        },
        new(NotSyncing + @"(?<what>Fatal machine check|Fatal hardware error!|Machine check)", "kernel panic: {what}")
        {
            NoStack = true, Why = "mce/ghes: a hardware fault, bucketed with machine checks",
        },
        new(NotSyncing + @"(?<rest>.*)", "kernel panic: {rest}") { Why = "any other reason, as printed" },
    ];
}
