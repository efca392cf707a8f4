using PanicLens.Ingest;
using PanicLens.Model;
using PanicLens.Parsing;

namespace PanicLens.Core.Tests.Parsing;

public sealed class ReportParserTests
{
    internal static CrashReport Parse(params string[] lines)
    {
        var read = LineReader.Read(string.Join("\n", lines)).ToList();
        return ReportParser.Parse("test", read, 1, read.Count == 0 ? 0 : read[^1].Number);
    }

    private static CrashReport Seed()
    {
        using var stream = File.OpenRead(RepoPaths.Example("xen-dom0-inet-diag.log"));
        var lines = LineReader.Read(stream).ToList();
        return ReportParser.Parse("seed", lines, 1, lines[^1].Number);
    }

    [Fact]
    public void Seed_log_yields_every_field_the_issue_names()
    {
        var report = Seed();
        Assert.Equal("BUG: unable to handle kernel paging request at ffff8802ea75bb00", report.Message);
        Assert.Equal("ipv6_addr_copy", report.Function);
        Assert.Equal("inet_diag", report.Module);
        Assert.Equal(new ProcessInfo("ss", 29755), report.Process);
        Assert.Equal("2.6.32.36-xen", report.Kernel);
        Assert.Equal("P W", report.Taint);
        Assert.Equal("ProLiant DL380p Gen8", report.Hardware);
        Assert.Equal("ffff8802ea75bb00", report.FaultAddress);
        Assert.Equal("Fatal exception in interrupt", report.Panic);
        Assert.Equal(["(XEN) Domain 0 crashed: 'noreboot' set - not rebooting."], report.Hypervisor);
        Assert.Equal("x86_64", report.Arch);
        Assert.Equal(0, report.Cpu);
        Assert.Equal("2017-01-14T01:04:26", report.Timestamp);
    }

    [Fact]
    public void Seed_log_yields_oops_page_walk_ip_and_segment()
    {
        var report = Seed();
        Assert.Equal("0000", report.OopsCode);
        Assert.Equal(1, report.OopsCount);
        Assert.Equal("PGD 1002067 PUD 53b5067 PMD 5509067 PTE 0", report.PageTableWalk);
        Assert.Equal(new Frame("ipv6_addr_copy", "9", "19", "inet_diag", true), report.Ip);
        Assert.Equal("e030", report.CodeSegment);
        Assert.Equal("khotfix_q4wi5m8m", report.LastUnloaded);
        Assert.Equal(120, report.Modules.Count);
        Assert.Contains(new ModuleEntry("hotfix_info", "P"), report.Modules);
        Assert.Equal("ffff8802ea75bb00", report.Registers["CR2"]);
        Assert.Equal("e02b:ffff88005b77d8e8", report.Registers["RSP"]);
    }

    [Fact]
    public void Seed_log_keeps_both_call_traces_with_unreliable_frames_marked()
    {
        var report = Seed();
        Assert.Equal(2, report.Stacks.Count);
        var first = report.Stacks[0].Frames;
        Assert.Equal(new Frame("inet_diag_dump", "3c8", "7ca", "inet_diag", true), first[0]);
        Assert.False(first[1].Reliable);
        Assert.Equal("system_call_fastpath", first[^1].Function);
        Assert.Equal("panic", report.Stacks[1].Frames[0].Function);
    }

    [Fact]
    public void Seed_code_bytes_mark_the_faulting_byte()
    {
        var code = Seed().Code!;
        Assert.Equal(1, code.WordSize);
        Assert.Equal(0x48, code.Bytes[code.FaultIndex]);
        Assert.Equal(0x8b, code.Bytes[code.FaultIndex + 1]);
        Assert.Equal(64, code.Bytes.Length);
    }

    [Fact]
    public void Modern_x86_null_dereference_reads_error_code_access_and_rip()
    {
        var report = Parse(
            "BUG: kernel NULL pointer dereference, address: 0000000000000008",
            "#PF: supervisor read access in kernel mode",
            "#PF: error_code(0x0000) - not-present page",
            "PGD 0 P4D 0 ",
            "Oops: 0000 [#1] SMP NOPTI",
            "CPU: 1 PID: 188243 Comm: QSGRenderThread Not tainted 5.3.6-300.fc31.x86_64 #1",
            "RIP: 0010:amdgpu_vm_sdma_commit+0x46/0x120 [amdgpu]");
        Assert.Equal("0000000000000008", report.FaultAddress);
        Assert.Equal("0000", report.ErrorCode);
        Assert.Equal("not-present page", report.ErrorText);
        Assert.Equal("supervisor read access in kernel mode", report.FaultAccess);
        Assert.Equal("PGD 0 P4D 0", report.PageTableWalk);
        Assert.Equal("0010", report.CodeSegment);
        Assert.Equal("amdgpu_vm_sdma_commit", report.Function);
        Assert.Equal("amdgpu", report.Module);
        Assert.Null(report.Taint);
        Assert.Equal(new ProcessInfo("QSGRenderThread", 188243), report.Process);
    }

    [Fact]
    public void Bracketed_rip_with_two_addresses_reads_the_function()
    {
        var report = Parse("general protection fault: 0000 [#1] SMP",
            "RIP: 0010:[<ffffffff8118a5e3>]  [<ffffffff8118a5e3>] kmem_cache_alloc+0x63/0x1c0");
        Assert.Equal("kmem_cache_alloc", report.Ip?.Function);
        Assert.Equal("ffffffff8118a5e3", report.Ip?.Address);
    }

    [Fact]
    public void Irq_and_exception_stacks_are_kept_apart()
    {
        var report = Parse("Kernel panic - not syncing: Fatal hardware error!",
            "CPU: 47 PID: 0 Comm: swapper/47 Kdump: loaded Not tainted 4.18.0+ #20",
            "Call Trace:",
            " <NMI>",
            " dump_stack+0x5a/0x73",
            " panic+0xe8/0x2bc",
            " __ghes_panic+0x68/0x6a",
            "RIP: 0010:machine_check+0x0/0x40",
            "RSP: 0018:fffffe00007effd8 EFLAGS: 00000046",
            " ? async_page_fault+0x30/0x30",
            " </NMI>",
            " <#MC>",
            "RIP: 0010:native_safe_halt+0xe/0x10",
            "RSP: 0018:ffffa2e4cca47ea0 EFLAGS: 00000246 </#MC>",
            " default_idle+0x1a/0x130");
        Assert.Equal([StackKind.Nmi, StackKind.Task], report.Stacks.Select(s => s.Kind));
        Assert.Equal(4, report.Stacks[0].Frames.Count);
        Assert.Equal("default_idle", report.Stacks[1].Frames.Single().Function);
        Assert.Equal("__ghes_panic", report.Function);
        Assert.Equal(new ProcessInfo("swapper/47", 0), report.Process);
        Assert.Equal("4.18.0+", report.Kernel);
        Assert.Equal("Fatal hardware error!", report.Panic);
    }

    [Fact]
    public void Old_irq_marker_on_a_frame_line_opens_an_irq_stack()
    {
        var report = Parse("Call Trace:",
            " <IRQ>  [<ffffffff81074d18>] tasklet_action+0x78/0x140",
            " [<ffffffff81075378>] __do_softirq+0xb8/0x230",
            " <EOI>  [<ffffffff8108fb9c>] kthread+0x8c/0xa0");
        Assert.Equal([StackKind.Irq, StackKind.Task], report.Stacks.Select(s => s.Kind));
        Assert.Equal(2, report.Stacks[0].Frames.Count);
        Assert.Equal("kthread", report.Stacks[1].Frames[0].Function);
    }

    [Fact]
    public void Kasan_allocation_and_free_stacks_are_separate_kinds()
    {
        var report = Parse("BUG: KASAN: use-after-free in foo_read+0x10/0x20 [foo]",
            "Read of size 8 at addr ffff888012345678 by task cat/321",
            "Call Trace:",
            " dump_stack+0x1/0x2",
            " foo_read+0x10/0x20 [foo]",
            "",
            "Allocated by task 300:",
            " kmalloc+0x1/0x2",
            "",
            "Freed by task 301:",
            " kfree+0x1/0x2");
        Assert.Equal([StackKind.Task, StackKind.Allocation, StackKind.Free], report.Stacks.Select(s => s.Kind));
        Assert.Equal("Freed by task 301:", report.Stacks[2].Header);
        Assert.Equal("foo_read", report.Function);
        Assert.Equal("foo", report.Module);
        Assert.Equal(new ProcessInfo("cat", 321), report.Process);
        Assert.Equal("ffff888012345678", report.FaultAddress);
    }

    [Fact]
    public void Hung_task_function_skips_scheduler_and_lock_frames()
    {
        var report = Parse("INFO: task cifsd:644 blocked for more than 120 seconds.",
            "      Not tainted 5.4.0-80-generic #90-Ubuntu",
            "Call Trace:",
            " __schedule+0x2e3/0x740",
            " ? vprintk_default+0x29/0x50",
            " schedule+0x42/0xb0",
            " schedule_preempt_disabled+0xe/0x10",
            " __mutex_lock.isra.0+0x178/0x4d0",
            " mutex_lock+0x2e/0x40",
            " dfs_cache_update_vol+0x41/0x2b0 [cifs]");
        Assert.Equal("dfs_cache_update_vol", report.Function);
        Assert.Equal("cifs", report.Module);
        Assert.Equal("5.4.0-80-generic", report.Kernel);
        Assert.Null(report.Taint);
        Assert.Equal(new ProcessInfo("cifsd", 644), report.Process);
    }

    [Fact]
    public void Warning_function_comes_from_the_warning_line_even_when_wrapped()
    {
        var report = Parse("WARNING: at arch/x86/kernel/cpu/mtrr/generic.c:467",
            "generic_get_mtrr+0x11e/0x140() (Not tainted)",
            "Modules linked in: radeon(+)(U) ttm(U)",
            "i2c_core(U) dm_mod(U)",
            "Pid: 143, comm: modprobe Not tainted 2.6.32-19.el6.x86_64 #1",
            "Call Trace:",
            "[<ffffffff81067c33>] warn_slowpath_common+0x83/0xc0");
        Assert.Equal("generic_get_mtrr", report.Function);
        Assert.Equal(["radeon", "ttm", "i2c_core", "dm_mod"], report.Modules.Select(m => m.Name));
        Assert.Equal("+U", report.Modules[0].Flags);
        Assert.Equal(new ProcessInfo("modprobe", 143), report.Process);
        Assert.Null(report.Hardware);
    }

    [Fact]
    public void Modern_warning_line_gives_function_and_module()
    {
        var report = Parse("WARNING: CPU: 0 PID: 1113 at drivers/gpu/drm/qxl/qxl_release.c:128 qxl_sync_obj_wait+0x1e5/0x200 [qxl]",
            "CPU: 0 PID: 1113 Comm: Xorg.bin Tainted: G        W  O 3.17.8-300.fc21.x86_64 #1");
        Assert.Equal("qxl_sync_obj_wait", report.Function);
        Assert.Equal("qxl", report.Module);
        Assert.Equal("G W O", report.Taint);
    }

    [Fact]
    public void Mail_wrapped_lines_of_a_stamped_log_are_joined()
    {
        var report = Parse("Apr 30 23:49:09 node1 kernel: [10496.092408] WARNING: CPU: 13 PID:",
            "3786 at drivers/md/raid5.c:4611 break_stripe_batch_list+0x86/0x1fb",
            "Apr 30 23:49:09 node1 kernel: [10496.092450] CPU: 13 PID: 3786 Comm:",
            "md125_raid5 Tainted: G           O    4.14.91-esos.prod #1");
        Assert.Equal("break_stripe_batch_list", report.Function);
        Assert.Equal(new ProcessInfo("md125_raid5", 3786), report.Process);
        Assert.Equal("4.14.91-esos.prod", report.Kernel);
        Assert.Equal(13, report.Cpu);
    }

    [Fact]
    public void Null_address_in_old_header_falls_back_to_cr2()
    {
        var report = Parse("BUG: unable to handle kernel NULL pointer dereference at           (null)",
            "IP: [<ffffffffa0123456>] foo+0x1/0x2 [bar]",
            "CR2: 0000000000000000 CR3: 0000000001a0c000 CR4: 00000000000006f0");
        Assert.Equal("0000000000000000", report.FaultAddress);
    }

    [Fact]
    public void Cr2_is_not_a_fault_address_after_a_general_protection_fault()
    {
        var report = Parse("general protection fault: 0000 [#1] SMP", "CR2: 00007f0000001000 CR3: 0000000001a0c000");
        Assert.Null(report.FaultAddress);
    }

    [Fact]
    public void Boot_banner_before_the_report_gives_the_kernel_when_the_report_has_none()
    {
        var lines = LineReader.Read("Linux version 3.10.0-49.el7.x86_64 (mockbuild@x) #1 SMP\nhello\nmce: [Hardware Error]: Machine check events logged").ToList();
        var report = ReportParser.Parse("t", lines, 3, 3);
        Assert.Equal("3.10.0-49.el7.x86_64", report.Kernel);
    }

    [Fact]
    public void Sleeping_in_atomic_names_the_caller_of_might_fault()
    {
        var report = Parse("BUG: sleeping function called from invalid context at mm/memory.c:3927",
            "in_atomic(): 1, irqs_disabled(): 0, pid: 1109, name: NetworkManager",
            "Call Trace:",
            " [<ffffffff81099a6c>] __might_sleep+0x13c/0x200",
            " [<ffffffff81177d48>] might_fault+0x38/0xb0",
            " [<ffffffff81511f30>] ? sock_def_readable+0x30/0x1c0",
            " [<ffffffff8151ce1f>] put_cmsg+0x6f/0x110");
        Assert.Equal("put_cmsg", report.Function);
        Assert.Equal(new ProcessInfo("NetworkManager", 1109), report.Process);
    }

    [Fact]
    public void Garbage_lines_never_throw_and_fill_nothing_wrong()
    {
        var random = new Random(11);
        const string alphabet = "RIP: 0010[<>]()?+/0x#PF CPU PID Comm Tainted Code <48> Modules linked in: Call Trace:\t\n";
        for (int i = 0; i < 300; i++)
        {
            var chars = new char[random.Next(0, 400)];
            for (int j = 0; j < chars.Length; j++)
                chars[j] = alphabet[random.Next(alphabet.Length)];
            var report = Parse(new string(chars).Split('\n'));
            Assert.NotNull(report);
        }
        Assert.Null(Parse().Function);
    }

    [Theory]
    [InlineData("BUG: KMSAN: uninit-value in ppp_send_frame+0x28d/0x27c0", "ppp_send_frame")]
    [InlineData("BUG: KFENCE: invalid free in test_invalid_addr_free+0xb4/0x17e", "test_invalid_addr_free")]
    [InlineData("BUG: KCSAN: data-race in find_next_bit / rcu_report_exp_cpu_mult", "find_next_bit")]
    public void Sanitizer_headers_name_the_function(string header, string function)
    {
        Assert.Equal(function, Parse(header).Function);
    }

    [Fact]
    public void Kmemleak_comm_line_gives_the_process()
    {
        var report = Parse("BUG: memory leak", "unreferenced object 0xffff8882d78c9ea0 (size 96):", "  comm \"syz.0.23\", pid 5988, jiffies 4294941388");
        Assert.Equal(new ProcessInfo("syz.0.23", 5988), report.Process);
    }

    [Fact]
    public void Release_without_a_version_shape_is_read_before_the_build_number()
    {
        var report = Parse("CPU: 1 UID: 0 PID: 17677 Comm: kworker/1:3 Not tainted syzkaller #0 PREEMPT(full) ");
        Assert.Equal("syzkaller", report.Kernel);
        Assert.Equal(new ProcessInfo("kworker/1:3", 17677), report.Process);
    }

    [Fact]
    public void Code_line_without_bytes_gives_no_code()
    {
        Assert.Null(Parse("Code: Bad RIP value.").Code);
        Assert.Null(Parse("Code: Unable to access opcode bytes at RIP 0x4011c7.").Code);
    }

    [Fact]
    public void Journal_ellipsis_and_wrapped_module_lines_are_read()
    {
        var report = Parse("Modules linked in: xt_nat veth xt>", " btrfs libcrc32c [last unloaded: scsi_wait_scan]", "CPU 0 ");
        Assert.Equal(["xt_nat", "veth", "xt", "btrfs", "libcrc32c"], report.Modules.Select(m => m.Name));
        Assert.Equal("scsi_wait_scan", report.LastUnloaded);
        Assert.Equal(0, report.Cpu);
    }

    [Fact]
    public void Hung_task_with_only_unreliable_frames_passes_over_stale_entries()
    {
        var report = Parse("INFO: task postgres:5070 blocked for more than 120 seconds.",
            "Call Trace:",
            " [<ffffffff8113eb70>] ? wait_on_page_read+0x60/0x60",
            " [<ffffffff815178e9>] ? io_schedule+0x99/0x120",
            " [<ffffffff8113eb7a>] ? sleep_on_page+0xa/0x10",
            " [<ffffffff81517c6c>] ? __wait_on_bit+0x5c/0x90",
            " [<ffffffff8113e976>] ? wait_on_page_bit+0xc6/0xd0");
        Assert.Equal("wait_on_page_bit", report.Function);
    }

    [Fact]
    public void User_space_rip_is_never_the_ip()
    {
        var report = Parse("INFO: rcu_sched self-detected stall on CPU", "RIP: 0033:0x44a739", "RIP: 0010:native_queued_spin_lock_slowpath+0x15f/0x190");
        Assert.Equal("native_queued_spin_lock_slowpath", report.Function);
        Assert.Equal("0010", report.CodeSegment);
    }

    [Fact]
    public void Warning_line_of_6_17_gives_function_cpu_and_process()
    {
        var report = Parse("WARNING: net/mac80211/tx.c:5024 at __ieee80211_beacon_get+0x125d/0x1630, CPU#1: syz.9.803/11907");
        Assert.Equal("__ieee80211_beacon_get", report.Function);
        Assert.Equal(1, report.Cpu);
        Assert.Equal(new ProcessInfo("syz.9.803", 11907), report.Process);
    }

    [Fact]
    public void Warning_line_of_6_17_without_a_symbol_falls_back_to_the_rip()
    {
        var report = Parse("WARNING: lib/refcount.c:19 at 0x0, CPU#1: syz.3.20/6051", "RIP: 0010:refcount_warn_saturate+0x1/0x2");
        Assert.Equal("refcount_warn_saturate", report.Function);
    }
}
