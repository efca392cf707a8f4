using System.Text;
using PanicLens.Mining.Checking;
using PanicLens.Model;

namespace PanicLens.Mining.Tests;

public sealed class ReportCheckerTests
{
    private const string Oops = """
        BUG: kernel NULL pointer dereference, address: 0000000000000008
        Oops: 0000 [#1] SMP
        CPU: 6 PID: 4704 Comm: cat Tainted: G     U   6.14.4 #2
        RIP: 0010:rmi_driver_bootloader_id_show+0x1d/0x60
        Call Trace:
         dev_attr_show+0x1c/0x40
        """;

    private sealed record Run(CheckFigures Figures, List<Failure> Failures);

    private static Run Check(string text, CrashReport report, int nextStart = int.MaxValue)
    {
        var mail = new MailText(Encoding.Latin1.GetBytes(text));
        var failures = new List<Failure>();
        var figures = new CheckFigures();
        new ReportChecker(failures).Check("m.txt", report, mail, new EvidenceIndex(mail), nextStart, new FigureSet(figures));
        return new Run(figures, failures);
    }

    private static CrashReport Report(int start, int end, string title = "BUG: unable to handle kernel NULL pointer dereference in rmi_driver_bootloader_id_show") =>
        new() { Source = "m.txt", StartLine = start, EndLine = end, Lines = [], Title = title };

    private static CrashReport Complete(int start, int end)
    {
        var report = Report(start, end);
        report.Process = new ProcessInfo("cat", 4704);
        report.Kernel = "6.14.4";
        report.Function = "rmi_driver_bootloader_id_show";
        report.Taint = "G U";
        return report;
    }

    private static string[] Rules(Run run) => run.Failures.Select(f => f.Rule).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_report_that_names_what_its_text_prints_passes_every_rule()
    {
        var run = Check(Oops, Complete(1, 6));
        Assert.Empty(run.Failures);
        Assert.Equal((1, 1, 1, 1, 1, 1, 1), (run.Figures.TaskPrinted, run.Figures.TaskNamed, run.Figures.TaskAgrees,
            run.Figures.ReleasePrinted, run.Figures.KernelAgrees, run.Figures.FunctionNamed, run.Figures.TitleNotCorrupted));
    }

    [Fact]
    public void A_report_missing_what_its_text_prints_fails_each_rule()
    {
        var run = Check(Oops, Report(1, 6, "BUG: unable to handle kernel NULL pointer dereference in corrupted"));
        Assert.Equal([CheckRules.TaskMissing, CheckRules.FunctionMissing, CheckRules.KernelMissing, CheckRules.TaintDiffers, CheckRules.TitleCorrupted], Rules(run));
        Assert.Equal(3, run.Failures.Single(f => f.Rule == CheckRules.TaskMissing).Line);
    }

    [Fact]
    public void Evidence_outside_the_report_region_is_not_held_against_it()
    {
        var run = Check(Oops, Report(1, 2));
        Assert.Empty(run.Failures);
        Assert.Equal((0, 0, 0), (run.Figures.TaskPrinted, run.Figures.ReleasePrinted, run.Figures.FramePrinted));
    }

    [Fact]
    public void A_task_line_naming_another_task_is_a_disagreement()
    {
        var report = Complete(1, 6);
        report.Process = new ProcessInfo("bash", 1);
        Assert.Equal([CheckRules.TaskDiffers], Rules(Check(Oops, report)));
    }

    [Theory]
    [InlineData("U", true)]
    [InlineData("G U", true)]
    [InlineData(null, false)]
    [InlineData("W", false)]
    public void Taint_flags_are_held_to_the_printed_ones_but_g(string? taint, bool agrees)
    {
        var report = Complete(1, 6);
        report.Taint = taint;
        var run = Check(Oops, report);
        Assert.Equal(1, run.Figures.TaintPrinted);
        Assert.Equal(agrees ? [] : [CheckRules.TaintDiffers], Rules(run));
    }

    [Theory]
    [InlineData("Dell Inc. PowerEdge R740/0DY2X0, BIOS 2.12.2 07/09/2021", null)]
    [InlineData("Dell Inc. PowerEdge R740/0DY2X0", null)]                                 // the mail wrapped the rest away
    [InlineData(null, CheckRules.HardwareMissing)]
    [InlineData("QEMU Standard PC (i440FX + PIIX, 1996)", CheckRules.HardwareDiffers)]
    public void The_hardware_name_is_held_to_the_printed_one(string? hardware, string? rule)
    {
        var text = Oops.Replace("RIP:", "Hardware name: Dell Inc. PowerEdge R740/0DY2X0, BIOS 2.12.2 07/09/2021\nRIP:");
        var report = Complete(1, 7);
        report.Hardware = hardware;
        var run = Check(text, report);
        Assert.Equal(1, run.Figures.HardwarePrinted);
        Assert.Equal(rule is null ? [] : [rule], Rules(run));
    }

    [Fact]
    public void A_kernel_with_the_build_number_glued_on_disagrees()
    {
        var report = Complete(1, 6);
        report.Kernel = "6.14.4#2";
        Assert.Equal([CheckRules.KernelDiffers], Rules(Check(Oops, report)));
    }

    [Theory]
    [InlineData("W I       6.14.4 #1", true)]
    [InlineData("> tainted 6.14.4 #1  Debian 6.14.4-1", true)]
    [InlineData("  -------  ---  6.14.4 #12", true)]
    [InlineData("W I       6.14.4+ #1", false)]     // another release
    [InlineData("built 6.14.4 #fix", false)]        // no build number
    public void A_release_wrapped_off_its_task_line_outweighs_another_boots_banner(string wrapped, bool agrees)
    {
        // The banner is of another boot quoted in the same mail; the task line lost its release to a wrap.
        var text = "Linux version 6.7-amd64 (debian-kernel@lists.debian.org) #1\n"
            + Oops.Replace("Tainted: G     U   6.14.4 #2", "Tainted: G\n" + wrapped);
        var report = Complete(2, 8);
        report.Taint = "G";
        var run = Check(text, report);
        Assert.Equal(agrees ? [] : [CheckRules.KernelDiffers], Rules(run).Where(r => r == CheckRules.KernelDiffers).ToArray());
    }

    [Fact]
    public void The_boot_banner_before_the_report_counts_as_a_printed_release()
    {
        var text = "Linux version 4.4.0-21-generic (buildd@lgw01) (gcc 5.3.1) #37\n" + Oops.Replace("Tainted: G     U   6.14.4 #2", "");
        var report = Complete(2, 7);
        report.Kernel = null;
        var run = Check(text, report);
        Assert.Equal([CheckRules.KernelMissing], Rules(run));
        Assert.StartsWith("release only in the boot banner", run.Failures[0].Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_unreliable_frames_ask_for_no_function()
    {
        var text = "WARNING: CPU: 0 PID: 1 at x.c:1\nCall Trace:\n ? foo+0x1/0x2\n ? bar+0x1/0x2\n";
        var run = Check(text, Report(1, 4, "WARNING in corrupted"));
        Assert.Equal(0, run.Figures.FramePrinted);
        Assert.DoesNotContain(run.Failures, f => f.Rule is CheckRules.FunctionMissing or CheckRules.TitleCorrupted);
    }

    [Fact]
    public void A_function_that_is_nowhere_in_the_text_is_flagged()
    {
        var report = Complete(1, 6);
        report.Function = "made_up";
        Assert.Equal([CheckRules.FunctionNotInText], Rules(Check(Oops, report)));
    }

    [Fact]
    public void Frames_going_on_after_the_region_mean_the_report_was_cut_short()
    {
        var text = Oops + "\n> bar+0x1/0x2\n> baz+0x1/0x2\n> qux+0x1/0x2\n";
        var run = Check(text, Complete(1, 6));
        Assert.Equal([CheckRules.CutShort], Rules(run));
        Assert.Empty(Check(text, Complete(1, 6), nextStart: 8).Failures);
    }

    [Theory]
    [InlineData("")]
    [InlineData("> ")]
    [InlineData("> > ")]
    public void A_stack_read_from_proc_after_the_report_does_not_cut_it_short(string quote)
    {
        // fs/proc/base.c prints `[<0>] %pB`; the console prints the address at full width.
        var proc = Oops + $"\n{quote}# cat /proc/3526/stack\n{quote}[<0>] bar+0x1/0x2\n{quote}[<0>] baz+0x1/0x2\n{quote}[<0>] qux+0x1/0x2\n";
        Assert.Empty(Check(proc, Complete(1, 6)).Failures);
        var console = proc.Replace("[<0>]", "[<ffffffff81234567>]");
        Assert.Equal([CheckRules.CutShort], Rules(Check(console, Complete(1, 6))));
    }

    [Fact]
    public void A_region_without_any_crash_text_is_flagged()
    {
        var run = Check("INFO: Timeout per run is 0h 05m 00s\nPASS\n", Report(1, 1, "INFO: Timeout per run is 0h NUMm NUMs"));
        Assert.Equal([CheckRules.NoEvidence], Rules(run));
        Assert.Equal(1, run.Figures.ReportsWithoutEvidence);
    }
}
