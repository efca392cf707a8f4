using PanicLens.Model;
using PanicLens.Localization;

namespace PanicLens.Analysis;

/// <summary>
/// Says in words how the crash was reached: who was running (process, kernel thread, interrupt), the system
/// call it made, the landmark frames of <see cref="EntryPathSteps"/> from the outside in, and what the
/// crashing function was doing.
/// </summary>
public static class TriggerDescriber
{
    public static string? Describe(CrashReport report)
    {
        var stack = PickStack(report);
        var crashed = report.Ip?.Function ?? report.Function;
        if (stack is null && crashed is null)
            return null;
        var outward = new List<string>();
        if (stack is not null)
        {
            for (var i = stack.Frames.Count - 1; i >= 0; i--)
            {
                if (stack.Frames[i].Reliable)
                    outward.Add(Normalize(stack.Frames[i].Function));
            }
        }
        var crashName = crashed is null ? null : Normalize(crashed);
        var chain = new List<string>();
        var headline = (string?)null;
        var lastGist = (string?)null;
        foreach (var function in outward)
        {
            if (function == crashName)
                break;
            if (chain.Count == 0 && SyscallEntries.SyscallName(function) is { } syscall)
            {
                chain.Add(function);
                headline ??= Sentences.Format("trigger.syscall", syscall);
                continue;
            }
            if (EntryPathSteps.Find(function) is not { } step || chain.Contains(function))
                continue;
            if (step.Headline is not null && chain.Count > 0 && EntryPathSteps.Find(chain[^1])?.Headline == step.Headline)
                chain.RemoveAt(chain.Count - 1);
            chain.Add(function);
            headline = step.Headline ?? headline;
            lastGist = step.Gist;
        }
        return Sentence(Who(report, stack), headline, chain, lastGist, report, crashName);
    }

    private static CallTrace? PickStack(CrashReport report)
    {
        if (report.Stacks.Count == 0)
            return null;
        var first = report.Stacks[0];
        if (first.Kind is StackKind.Irq or StackKind.SoftIrq or StackKind.Nmi)
            return first;
        foreach (var stack in report.Stacks)
        {
            if (stack.Kind == StackKind.Task)
                return stack;
        }
        return first;
    }

    private static string Who(CrashReport report, CallTrace? stack)
    {
        var comm = report.Process?.Comm;
        var running = comm is null ? "" : Sentences.Format("trigger.interrupting", comm);
        if (stack?.Kind is StackKind.Irq or StackKind.SoftIrq or StackKind.Nmi)
            return Sentences.Format("trigger.interrupt", report.Cpu is { } cpu ? Sentences.Format("trigger.on-cpu", cpu) : "", running);
        if (comm is null)
            return Sentences.Get("trigger.unnamed");
        if (comm.StartsWith("swapper", StringComparison.Ordinal))
            return Sentences.Format("trigger.idle", comm);
        if (comm.StartsWith("kworker", StringComparison.Ordinal))
            return Sentences.Format("trigger.kworker", comm);
        if (comm.StartsWith("ksoftirqd", StringComparison.Ordinal))
            return Sentences.Format("trigger.ksoftirqd", comm);
        return report.Process?.Pid is { } pid ? Sentences.Format("trigger.process-pid", comm, pid) : Sentences.Format("trigger.process", comm);
    }

    private static string Sentence(string who, string? headline, List<string> chain, string? lastGist, CrashReport report, string? crashName)
    {
        var text = Sentences.Format("trigger.who-did", who, headline is null ? Sentences.Get("trigger.in-kernel") : Sentences.Translate(headline));
        if (chain.Count > 0)
            text += Sentences.Format("trigger.chain", string.Join(" → ", chain));
        if (crashName is null)
            return Sentences.Format("trigger.end", text);
        var module = report.Ip?.Module ?? report.Module;
        var where = module is null ? crashName : $"{crashName} [{module}]";
        var gist = EntryPathSteps.Find(crashName)?.Gist;
        var context = lastGist is null ? "" : Sentences.Format("trigger.while", Sentences.Translate(lastGist));
        return Sentences.Format("trigger.crashed", text, context, where, gist is null ? "" : Sentences.Format("trigger.gist", Sentences.Translate(gist)));
    }

    /// <summary>Drops compiler suffixes: `tcp_v4_rcv.isra.0` → `tcp_v4_rcv`.</summary>
    public static string Normalize(string function)
    {
        var dot = function.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? function[..dot] : function;
    }
}
