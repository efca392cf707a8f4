using PanicLens.Model;

namespace PanicLens.Core.Tests.Signatures;

/// <summary>Families and console shapes the syzkaller corpus lacks: production eras, arches, hardware, Xen.</summary>
public sealed class TitleBuilderTests
{
    private static CrashReport First(string log) => Assert.IsType<CrashReport>(CorpusPipeline.Reports(log).FirstOrDefault());

    private const string TaskTrace = """
        Call Trace:
         caller_of_it+0x12/0x40
         worker_loop+0x88/0x100
         kthread+0x10a/0x130
         ret_from_fork+0x1f/0x30
        """;

    [Fact]
    public void The_seed_log_with_stripped_addresses_is_titled_after_ipv6_addr_copy()
    {
        var report = CorpusPipeline.Reports(File.ReadAllText(RepoPaths.Example("xen-dom0-inet-diag.log"), System.Text.Encoding.Latin1))[0];
        Assert.Equal("BUG: unable to handle kernel paging request in ipv6_addr_copy", report.Title);
        Assert.Equal("MEMORY_SAFETY_BUG", report.Type);
        Assert.Equal("ipv6_addr_copy", report.GuiltyFrame);
        Assert.False(report.Corrupted, report.CorruptionReason);
        Assert.Contains("bad-access in ipv6_addr_copy", report.AltTitles);
    }

    [Fact]
    public void An_old_ip_line_with_a_module_names_the_faulting_function()
    {
        var report = First("""
            BUG: unable to handle kernel NULL pointer dereference at 0000000000000010
            IP: [<ffffffffa01c3f2e>] e1000_clean_tx_irq.isra.12+0x5e/0x3a0 [e1000e]
            PGD 0
            Oops: 0000 [#1] SMP
            Pid: 0, comm: swapper Not tainted 2.6.32-431.el6.x86_64 #1
            RIP: 0010:[<ffffffffa01c3f2e>]  [<ffffffffa01c3f2e>] e1000_clean_tx_irq.isra.12+0x5e/0x3a0 [e1000e]
            Call Trace:
             <IRQ>
             [<ffffffffa01c4a1b>] e1000_clean+0x7b/0x2c0 [e1000e]
             [<ffffffff814f2f9e>] net_rx_action+0x103/0x2f0
             [<ffffffff81076fb1>] __do_softirq+0xc1/0x1e0
             <EOI>
            """);
        Assert.Equal("BUG: unable to handle kernel NULL pointer dereference in e1000_clean_tx_irq", report.Title);
        Assert.Equal("NULL-POINTER-DEREFERENCE", report.Type);
    }

    [Fact]
    public void A_syslog_prefixed_trace_reads_like_a_console_one()
    {
        var report = First("""
            Jan 14 01:04:26 web01 kernel: [ 4552.564718] general protection fault: 0000 [#1] SMP
            Jan 14 01:04:26 web01 kernel: [ 4552.564720] CPU: 3 PID: 811 Comm: nginx Not tainted 5.4.0 #1
            Jan 14 01:04:26 web01 kernel: [ 4552.564722] RIP: 0010:tcp_v4_rcv+0x6b1/0xc40
            Jan 14 01:04:26 web01 kernel: [ 4552.564730] Call Trace:
            Jan 14 01:04:26 web01 kernel: [ 4552.564731]  <IRQ>
            Jan 14 01:04:26 web01 kernel: [ 4552.564732]  ip_protocol_deliver_rcu+0x30/0x1b0
            Jan 14 01:04:26 web01 kernel: [ 4552.564733]  ip_local_deliver_finish+0x48/0x50
            Jan 14 01:04:26 web01 kernel: [ 4552.564734]  </IRQ>
            """);
        Assert.Equal("general protection fault in tcp_v4_rcv", report.Title);
        Assert.Equal("DoS", report.Type);
    }

    [Fact]
    public void Arm64_faults_take_the_pc_line()
    {
        var report = First("""
            Unable to handle kernel NULL pointer dereference at virtual address 0000000000000010
            Mem abort info:
            Internal error: Oops: 96000005 [#1] PREEMPT SMP
            pc : cros_ec_check_features+0x2c/0x80
            lr : cros_ec_check_features+0x24/0x80
            Call trace:
             cros_ec_check_features+0x2c/0x80
             cros_ec_sensorhub_probe+0x50/0x2a0
             platform_probe+0x70/0xe0
            """);
        Assert.Equal("BUG: unable to handle kernel NULL pointer dereference in cros_ec_check_features", report.Title);
    }

    [Fact]
    public void A_xen_hypervisor_bug_is_titled_from_its_own_trace()
    {
        var report = First("""
            (XEN) Xen BUG at spinlock.c:47
            (XEN) ----[ Xen-4.10-unstable  x86_64  debug=y   Tainted:  C   ]----
            (XEN) RIP:    e008:[<ffff82d08023513c>] spinlock.c#check_lock+0x3c/0x40
            (XEN) Xen call trace:
            (XEN)    [<ffff82d08023513c>] spinlock.c#check_lock+0x3c/0x40
            (XEN)    [<ffff82d080235234>] _spin_is_locked+0x11/0x4d
            (XEN)    [<ffff82d080251df3>] pcidevs_locked+0x10/0x17
            (XEN)
            (XEN) Panic on CPU 2:
            (XEN) Xen BUG at spinlock.c:47
            """);
        Assert.Equal("Xen BUG in check_lock", report.Title);
        Assert.Equal("check_lock", report.GuiltyFrame);
    }

    [Theory]
    [InlineData("mce: [Hardware Error]: CPU 18: Machine Check Exception: 5 Bank 7: be00000000800400", "mce: Machine Check Exception")]
    [InlineData("CPU 0: Machine Check Exception: 0000000000000007", "mce: Machine Check Exception")]
    [InlineData("mce: [Hardware Error]: Machine check events logged", "mce: Machine check events logged")]
    [InlineData("Kernel panic - not syncing: Fatal machine check", "kernel panic: Fatal machine check")]
    public void Machine_checks_are_hardware_and_bucketed_apart(string header, string title)
    {
        var report = First(header + "\nmce: [Hardware Error]: TSC 0 ADDR 2e6a1a4000\n");
        Assert.Equal(title, report.Title);
        Assert.Equal("HARDWARE", report.Type);
        Assert.False(report.Corrupted, report.CorruptionReason);
    }

    [Theory]
    [InlineData("NMI watchdog: Watchdog detected hard LOCKUP on cpu 5", "hard lockup in spin_forever_loop", "HANG")]
    [InlineData("divide error: 0000 [#1] SMP", "divide error in spin_forever_loop", "DoS")]
    [InlineData("invalid opcode: 0000 [#1] SMP", "invalid opcode in spin_forever_loop", "DoS")]
    [InlineData("PANIC: double fault, error_code: 0x0", "PANIC: double fault in spin_forever_loop", "DoS")]
    [InlineData("kernel BUG at drivers/md/raid5.c:4611!", "kernel BUG in spin_forever_loop", "BUG")]
    public void Trap_reports_are_named_after_the_rip_function(string header, string title, string type)
    {
        var report = First(header + "\nCPU: 5 PID: 0 Comm: swapper/5 Not tainted 5.10.0 #1\nRIP: 0010:spin_forever_loop+0x12/0x30\n" + TaskTrace);
        Assert.Equal(title, report.Title);
        Assert.Equal(type, report.Type);
    }

    [Theory]
    [InlineData("Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)", "kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)")]
    [InlineData("Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: tcp_sendmsg+0x1/0x2", "kernel panic: stack is corrupted in tcp_sendmsg")]
    [InlineData("Kernel panic - not syncing: An NMI occurred. Depending on your system the reason for the NMI is logged in any one of the following resources:", "kernel panic: An NMI occurred. Depending on your system the reason for the NMI is logged in any one of the following res")]
    public void A_panic_without_an_earlier_report_is_titled_by_its_reason(string header, string title)
    {
        var report = First(header + "\nCPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.10.0 #1\n" + TaskTrace);
        Assert.Equal(title, report.Title);
        Assert.Equal("DoS", report.Type);
    }

    [Fact]
    public void A_page_allocation_failure_names_the_allocating_caller()
    {
        var report = First("""
            smartctl: page allocation failure: order:5, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null)
            CPU: 2 PID: 10165 Comm: smartctl Not tainted 5.13.12 #1
            Call Trace:
             dump_stack+0x64/0x7c
             warn_alloc.cold+0x7b/0xdf
             __alloc_pages_slowpath.constprop.0+0xd2e/0xd60
             __alloc_pages+0x29e/0x2d0
             kmalloc_order+0x28/0xa0
             ata_scsi_ioctl+0x1b5/0x290
             scsi_ioctl+0x4c4/0x8a0
            """);
        Assert.Equal("page allocation failure: order:NUM in ata_scsi_ioctl", report.Title);
    }

    [Fact]
    public void A_hung_task_skips_scheduler_and_lock_frames()
    {
        var report = First("""
            INFO: task jbd2/sda1-8:345 blocked for more than 120 seconds.
                  Not tainted 4.19.0-16-amd64 #1
            "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
            Call Trace:
             __schedule+0x29f/0x840
             schedule+0x28/0x80
             io_schedule+0x12/0x40
             bit_wait_io+0x11/0x60
             __wait_on_bit+0x33/0xa0
             jbd2_journal_commit_transaction+0x1a1/0x1840 [jbd2]
             kjournald2+0xbd/0x270 [jbd2]
            """);
        Assert.Equal("INFO: task hung in jbd2_journal_commit_transaction", report.Title);
        Assert.Equal("HANG", report.Type);
        Assert.Contains("hang in jbd2_journal_commit_transaction", report.AltTitles);
    }

    /// <summary>Cut on a console capture it is corrupted; pasted (no stamps), a person reads it whole (ConsoleForm).</summary>
    [Theory]
    [InlineData("[  12.345678] ", true)]
    [InlineData("", false)]
    public void A_report_cut_before_its_stack_keeps_its_best_title(string stamp, bool corrupted)
    {
        var report = First($"{stamp}BUG: unable to handle kernel paging request at ffff8802ea75bb00\n{stamp}IP: [<ffffffff810a376f>] foo_bar+0x1f/0x280\n");
        Assert.Equal("BUG: unable to handle kernel paging request in foo_bar", report.Title);
        Assert.Equal(corrupted, report.Corrupted);
        Assert.Equal(corrupted, report.CorruptionReason is not null);
    }
}
