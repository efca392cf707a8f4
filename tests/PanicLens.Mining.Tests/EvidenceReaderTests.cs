using PanicLens.Mining.Checking;

namespace PanicLens.Mining.Tests;

public sealed class EvidenceReaderTests
{
    private static Evidence? Read(string line, EvidenceKind kind) =>
        EvidenceReader.Read(line, 1).FirstOrDefault(e => e.Kind == kind);

    [Theory]
    [InlineData("> [ 68.1] CPU: 6 UID: 1000 PID: 4704 Comm: cat Tainted: G     U   6.14.4 #2", "CPU: PID: Comm:", "cat", "4704")]
    [InlineData("CPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.10.0 #1", "CPU: PID: Comm:", "swapper/0", "1")]
    [InlineData("CPU: 1 PID: 1787 Comm:", "CPU: PID: Comm:", "", "1787")]
    [InlineData("Pid: 29755, comm: ss Not tainted 2.6.32.36-xen #1", "Pid: comm:", "ss", "29755")]
    [InlineData("Process kworker/0:1 (pid: 22, stack limit = 0xc0a1e238)", "Process (pid:", "kworker/0:1", "22")]
    [InlineData("INFO: task kworker/1:2:123 blocked for more than 120 seconds.", "INFO: task X:N blocked", "kworker/1:2", "123")]
    [InlineData("TASK = c00000000f3b0000[1234] 'bash' THREAD: c0000000f8e0000 CPU: 3", "TASK = [N] 'comm'", "bash", "1234")]
    [InlineData("task:syz.0.22        state:D stack:25656 pid:6033  tgid:6033", "task:X state: pid:", "syz.0.22", "6033")]
    [InlineData("task:syz-executor    state:R  running task     stack:20608 pid:5337  tgid:5337  ppid:1", "task:X state: pid:", "syz-executor", "5337")]
    [InlineData("> [  88.1] task:kworker/0:1     state:R  running task     stack:0     pid:9     ppid:2      flags:0x00000008", "task:X state: pid:", "kworker/0:1", "9")]
    [InlineData("Write of size 12 at addr ffff888106d1f900 by task kworker/u33:2/75", "by task X/N", "kworker/u33:2", "75")]
    public void Task_lines_show_comm_and_pid(string line, string form, string comm, string pid)
    {
        var task = Read(line, EvidenceKind.Task);
        Assert.NotNull(task);
        Assert.Equal((form, comm, pid), (task.Form, task.Comm, task.Pid));
    }

    [Theory]
    [InlineData("the PID 12 Comm: x was running")]
    [InlineData("Pid: 12 comm: x")]
    [InlineData("Process kworker pid: 22")]
    [InlineData("INFO: task kworker blocked for more than 120 seconds.")]
    [InlineData("TASK = c00000000f3b0000 'bash' THREAD:")]
    [InlineData("task:bash state:D")]
    [InlineData("Allocated by task 123:")]
    public void Near_misses_are_no_task_line(string line) => Assert.Null(Read(line, EvidenceKind.Task));

    [Theory]
    [InlineData("CPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.10.0-rc1+ #12", "Not tainted R", "5.10.0-rc1+")]
    [InlineData("CPU: 0    Not tainted  (3.4.0 #1)", "Not tainted R", "3.4.0")]
    [InlineData("Comm: cat Tainted: G        W  O      6.1.0 #1", "Tainted: FLAGS R", "6.1.0")]
    [InlineData("Pid: 1, comm: swapper Not tainted 2.6.32-279.el6.x86_64#1", "Not tainted R", "2.6.32-279.el6.x86_64")]
    [InlineData("[    0.000000] Linux version 6.8.0-31-generic (buildd@lcy02) (gcc 13.2.0) #31", "Linux version banner", "6.8.0-31-generic")]
    public void Releases_are_read_where_printed(string line, string form, string release)
    {
        var evidence = Read(line, EvidenceKind.Release);
        Assert.NotNull(evidence);
        Assert.Equal((form, release), (evidence.Form, evidence.Release));
    }

    [Theory]
    [InlineData("CPU: 1 PID: 1787 Comm: rtcwake Not tainted")]
    [InlineData("Tainted: [W]=WARN, [O]=OOT_MODULE")]
    [InlineData("Linux version 5.10 has the same bug")]
    public void Near_misses_show_no_release(string line) => Assert.Null(Read(line, EvidenceKind.Release));

    [Theory]
    [InlineData("RIP: 0010:rmi_driver_bootloader_id_show+0x1d/0x60", "x86-64 RIP:", "rmi_driver_bootloader_id_show")]
    [InlineData("> pc : dump_backtrace+0x980/0x9b0 arch/arm64/kernel/stacktrace.c:477", "arm64 pc :", "dump_backtrace")]
    [InlineData("PC is at __platform_get_irq_byname+0x74/0x90", "arm PC is at", "__platform_get_irq_byname")]
    [InlineData("NIP [c000000000123456] .xfs_trans_cancel+0x1c/0x30 [xfs]", "ppc NIP", "xfs_trans_cancel")]
    [InlineData("Krnl PSW : 0704c00180000000 000000000071d1b4 (dasd_foo+0x1c/0x30 [dasd_mod])", "s390 Krnl PSW", "dasd_foo")]
    [InlineData("[<c0111a58>] (unwind_backtrace) from [<c010d390>] (show_stack+0x10/0x14)", "arm (func) from", "show_stack")]
    [InlineData(" [<ffffffff8100>] foo.isra.0+0x1/0x2", "[<addr>] frame", "foo.isra.0")]
    [InlineData("  kmem_cache_alloc_node_noprof+0x384/0x5a0 mm/slub.c:5315", "frame", "kmem_cache_alloc_node_noprof")]
    public void Symbolised_frames_name_a_function(string line, string form, string function)
    {
        var frame = Read(line, EvidenceKind.Frame);
        Assert.NotNull(frame);
        Assert.Equal((form, function, false), (frame.Form, frame.Function, frame.Unreliable));
    }

    [Theory]
    [InlineData(" ? __pfx__raw_spin_lock_irqsave+0x10/0x10")]
    [InlineData(" [<ffffffff81234567>] ? do_syscall_64+0x1/0x2")]
    [InlineData("> [  1.0]  ? foo+0x1/0x2")]
    public void Frames_marked_unreliable_are_not_frames_a_reader_names(string line) =>
        Assert.True(Read(line, EvidenceKind.Frame)!.Unreliable);

    [Theory]
    [InlineData("RIP: 0033:0x7f3a2b1c")]
    [InlineData("pc : ffff800080016d60")]
    [InlineData(" __schedule_loop kernel/sched/core.c:6842 [inline]")]
    [InlineData("offset+0x10 is bad")]
    public void Unsymbolised_addresses_are_no_frame(string line) => Assert.Null(Read(line, EvidenceKind.Frame));

    [Theory]
    [InlineData("> [   68.184846] BUG: kernel NULL pointer dereference, address: 0000000000000008")]
    [InlineData("WARNING: CPU: 1 PID: 40 at drivers/gpio/gpiolib.c:3175 gpiochip_enable_irq+0x54/0x90")]
    [InlineData("INFO: task kworker/1:2:123 blocked for more than 120 seconds.")]
    [InlineData("Unable to handle kernel paging request at virtual address 6b6b6dd7")]
    public void Crash_headers_are_seen(string line) => Assert.NotNull(Read(line, EvidenceKind.Header));

    [Theory]
    [InlineData("this is a bug: really")]
    [InlineData("warning: unused variable 'x'")]
    public void Compiler_and_prose_words_are_no_header(string line) => Assert.Null(Read(line, EvidenceKind.Header));
}
