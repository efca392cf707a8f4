using PanicLens.Core.Tests.Signatures;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>
/// lib/smp_processor_id.c check_preemption_disabled prints `BUG: using smp_processor_id() in preemptible [%08x] code:
/// comm/pid` (or `__this_cpu_read()` and kin), then `caller is %pS`, the function that made the call, then the stack.
/// That function is the report's, whether the trace follows or the poster kept only the two lines; varied over stamps,
/// quoting, indentation and a module suffix.
/// </summary>
public sealed class PreemptibleCallerTests
{
    public static TheoryData<string> Envelopes => new() { "", "[  478.274754] ", "> > ", "    ", "<3>[    6.658719] " };

    private static string Wrap(string envelope, params string[] lines) => string.Join("\n", lines.Select(l => envelope + l)) + "\n";

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void The_caller_line_names_the_function_of_a_two_line_report(string envelope)
    {
        var report = Assert.Single(CorpusPipeline.Reports(Wrap(envelope,
            "BUG: using smp_processor_id() in preemptible [00000000] code: modprobe/482",
            "caller is loongson3_cpufreq_probe+0x5c/0x250 [loongson3_cpufreq]")));
        Assert.Equal("loongson3_cpufreq_probe", report.Function);
        Assert.Equal("loongson3_cpufreq", report.Module);
        // A stamped excerpt reads as a console capture, where the convention calls a report without its stack
        // corrupted; text without stamps is pasted, and the title names the function a reader sees (issue 10 §2).
        var title = envelope.Contains('[') ? "BUG: using smp_processor_id() in preemptible code in corrupted"
            : "BUG: using smp_processor_id() in preemptible code in loongson3_cpufreq_probe";
        Assert.Equal(title, report.Title);
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void With_the_trace_printed_the_function_and_title_agree_with_it(string envelope)
    {
        var report = Assert.Single(CorpusPipeline.Reports(Wrap(envelope,
            "BUG: using __this_cpu_read() in preemptible [00000000] code: cpuhp/1/20",
            "caller is hwp_get_cpu_scaling+0x7f/0xc0",
            "CPU: 1 PID: 20 Comm: cpuhp/1 Not tainted 6.6.0 #1",
            "Call Trace:",
            " <TASK>",
            " dump_stack_lvl+0x4c/0x70",
            " check_preemption_disabled+0xbf/0xe0",
            " hwp_get_cpu_scaling+0x7f/0xc0",
            " intel_pstate_init_cpu+0x1a/0x2b0",
            " </TASK>")));
        Assert.Equal("hwp_get_cpu_scaling", report.Function);
        Assert.Equal("BUG: using __this_cpu_read() in preemptible code in hwp_get_cpu_scaling", report.Title);
    }
}

/// <summary>
/// kernel/panic.c __warn prints `WARNING: CPU: %d PID: %d at %pS` when the BUG table holds no file (no
/// CONFIG_DEBUG_BUGVERBOSE): the caller after `at` is the function, with or without its module, under any envelope.
/// </summary>
public sealed class FilelessWarningTests
{
    [Theory]
    [InlineData("", "gpiod_set_value+0x5c/0xd0", "gpiod_set_value", null)]
    [InlineData("[  12.000000] ", "brute_task_execve+0x15d/0x200", "brute_task_execve", null)]
    [InlineData("> > ", "dev_attr_show+0x24/0x60", "dev_attr_show", null)]
    [InlineData("    ", "iwl_mvm_rx_umac_scan_complete_notif+0x1d4/0x1e0 [iwlmvm]", "iwl_mvm_rx_umac_scan_complete_notif", "iwlmvm")]
    public void The_caller_after_at_is_the_function(string envelope, string caller, string function, string? module)
    {
        var log = string.Join("\n", new[]
        {
            $"WARNING: CPU: 1 PID: 578 at {caller}",
            "Modules linked in: x",
            "CPU: 1 PID: 578 Comm: kworker/1:2 Not tainted 5.10.0 #1",
        }.Select(l => envelope + l)) + "\n";
        var report = Assert.Single(CorpusPipeline.Reports(log));
        Assert.Equal(function, report.Function);
        Assert.Equal(module, report.Module);
    }
}

/// <summary>
/// A WARNING header a mail client wrapped: after `at` (the location and function on the next line), or a 6.17 header
/// after `, CPU#0` (the task on the next line). The function is read in both, under several envelopes.
/// </summary>
public sealed class WrappedWarningFunctionTests
{
    public static TheoryData<string> Envelopes => new() { "", "> ", "> [St okt 15 20:57:24 2025] ", "[    0.000000] " };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_header_wrapped_after_at_names_the_function_on_the_next_line(string envelope)
    {
        var log = envelope + "WARNING: CPU: 0 PID: 0 at\n" + (envelope.StartsWith('>') ? "> " : "")
            + "mm/early_ioremap.c:139 __early_ioremap+0xae/0x190\n" + envelope + "Modules linked in:\n";
        var report = Assert.Single(CorpusPipeline.Reports(log));
        Assert.Equal("__early_ioremap", report.Function);
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_6_17_header_wrapped_after_its_cpu_names_the_function(string envelope)
    {
        var log = envelope + "WARNING: kernel/workqueue.c:5701 at __alloc_workqueue+0x114c/0x1810 kernel/workqueue.c:5701, CPU#0\n"
            + (envelope.StartsWith('>') ? "> " : "") + "swapper/0/1\n";
        var report = Assert.Single(CorpusPipeline.Reports(log));
        Assert.Equal("__alloc_workqueue", report.Function);
    }
}
