using PanicLens.Model;

namespace PanicLens.Core.Tests.Parsing;

/// <summary>Line shapes of i386, arm, arm64, ppc64, s390x, Xen and mce, through <see cref="PanicLens.Parsing.ReportParser"/>.</summary>
public sealed class ArchitectureLinesTests
{
    private static CrashReport Parse(params string[] lines) => ReportParserTests.Parse(lines);

    [Fact]
    public void I386_eip_lines_give_function_cpu_and_arch()
    {
        var report = Parse("BUG: soft lockup - CPU#1 stuck for 22s! [X:5189]",
            "CPU: 1 PID: 5189 Comm: X Not tainted 3.15.10-201.fc20.i686+PAE #1",
            "EIP: 0060:[<c06ca742>] EFLAGS: 00003296 CPU: 1",
            "EIP is at ioread32+0x32/0x40",
            "EAX: ffffffff EBX: f2042780 ECX: 00000000 EDX: 00000000");
        Assert.Equal("ioread32", report.Function);
        Assert.Equal("i386", report.Arch);
        Assert.Equal(1, report.Cpu);
        Assert.Equal(new ProcessInfo("X", 5189), report.Process);
        Assert.Equal("ffffffff", report.Registers["EAX"]);
    }

    /// <summary>arch/mips/kernel/traps.c: `epc   : %0*lx %pS`, 32- and 64-bit, any padding; `Process X (pid: N, threadinfo=...`.</summary>
    [Theory]
    [InlineData("epc   : 8119bd54 frob_alloc+0xe4/0x5b8")]
    [InlineData("epc   : ffffffff8119bd54 frob_alloc+0xe4/0x5b8 [frob]")]
    [InlineData("epc : 8119bd54 frob_alloc+0xe4/0x5b8")]
    [InlineData("epc : frob_alloc+0xe4/0x5b8")]
    [InlineData("epc : frob_alloc+0xe4/0x5b8 [frob]")]
    public void Mips_and_riscv_epc_lines_give_the_function(string epc)
    {
        var report = Parse("Unhandled kernel unaligned access[#1]:",
            "CPU: 0 PID: 12943 Comm: sh Not tainted 5.15.0 #1",
            "$ 0   : 00000000 00000001 00000011 81c10000",
            epc,
            "ra    : 8119bcb8 frob_caller+0x48/0x5b8",
            "Process sh (pid: 12943, threadinfo=24898ed1, task=5506fe17, tls=77e28e64)");
        Assert.Equal("frob_alloc", report.Function);
        Assert.Equal(new ProcessInfo("sh", 12943), report.Process);
    }

    [Theory]
    [InlineData("epc   : not-an-address frob_alloc+0xe4/0x5b8")]
    [InlineData("epcs  : 8119bd54 frob_alloc+0xe4/0x5b8")]
    [InlineData("epc : ffffffff80012345 ra : ffffffff80012000 sp : ff20000000133d30")]
    public void A_line_only_like_the_mips_epc_gives_no_function(string line)
    {
        Assert.Null(Parse("Unhandled kernel unaligned access[#1]:", line).Ip);
    }

    [Fact]
    public void I386_eip_with_stack_segment_tail_reads_the_function()
    {
        var report = Parse("BUG: unable to handle kernel NULL pointer dereference at 00000008",
            "EIP: [<f8a5c4f5>] radeon_audio_detect+0x25/0x170 [radeon] SS:ESP 0068:f1b11c9c");
        Assert.Equal(new Frame("radeon_audio_detect", "25", "170", "radeon", true), report.Ip! with { Address = null });
        Assert.Equal("00000008", report.FaultAddress);
    }

    [Fact]
    public void Arm64_pc_line_and_words_are_read()
    {
        var report = Parse("Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000",
            "Internal error: Oops: 96000005 [#1] PREEMPT SMP",
            "CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0 #1",
            "pc : kfree+0x40/0x2a0",
            "lr : my_release+0x20/0x40 [mydrv]",
            "sp : ffff80000800bd30",
            "x29: ffff80000800bd30 x28: ffff000002f9a000 x27: 0000000000000000",
            "Call trace:",
            " kfree+0x40/0x2a0",
            " my_release+0x20/0x40 [mydrv]",
            "Code: d503201f d503201f (f9400000) d65f03c0");
        Assert.Equal("kfree", report.Function);
        Assert.Equal("arm64", report.Arch);
        Assert.Equal("96000005", report.OopsCode);
        Assert.Equal("0000000000000000", report.FaultAddress);
        Assert.Equal(4, report.Code!.WordSize);
        Assert.Equal(8, report.Code.FaultIndex);
        Assert.Equal(0x00, report.Code.Bytes[8]);
        Assert.Equal(0xf9, report.Code.Bytes[11]);
        Assert.Equal(["kfree", "my_release"], report.Stacks.Single().Frames.Select(f => f.Function));
    }

    [Fact]
    public void Arm32_pc_is_at_line_reads_the_function()
    {
        var report = Parse("Unable to handle kernel NULL pointer dereference at virtual address 00000000",
            "PC is at my_probe+0x10/0x40 [mydrv]",
            "LR is at platform_drv_probe+0x30/0x80");
        Assert.Equal(new Frame("my_probe", "10", "40", "mydrv", true), report.Ip);
        Assert.Equal("arm", report.Arch);
    }

    [Fact]
    public void Xen_hypervisor_report_reads_banner_rip_and_lines()
    {
        var report = Parse("(XEN) Xen BUG at spinlock.c:47",
            "(XEN) ----[ Xen-4.10-unstable  x86_64  debug=y   Tainted:  C   ]----",
            "(XEN) CPU:    2",
            "(XEN) RIP:    e008:[<ffff82d08023513c>] spinlock.c#check_lock+0x3c/0x40",
            "(XEN) Xen call trace:",
            "(XEN)    [<ffff82d08023513c>] spinlock.c#check_lock+0x3c/0x40",
            "(XEN)    [<ffff82d080235234>] _spin_is_locked+0x11/0x4d");
        Assert.Equal("check_lock", report.Function);
        Assert.Equal("Xen-4.10-unstable", report.Kernel);
        Assert.Equal("C", report.Taint);
        Assert.Equal(2, report.Cpu);
        Assert.Equal("e008", report.CodeSegment);
        Assert.Equal(7, report.Hypervisor.Count);
        Assert.Equal(2, report.Stacks.Single().Frames.Count);
    }

    [Fact]
    public void Ppc64_nip_line_and_gpr_rows_are_read()
    {
        var report = Parse("Unable to handle kernel paging request for data at address 0x000012e0",
            "Oops: Kernel access of bad area, sig: 11 [#1]",
            "CPU: 1 PID: 251 Comm: eehd Tainted: G W -------------- 3.10.0-33.el7.ppc64 #1",
            "GPR00: c00000000806b258 c000000010ff3a30 d0000000008e3bb8 0000000000000000",
            "NIP [d0000000008cb4dc] .ipr_pci_error_detected+0x18c/0x220 [ipr]");
        Assert.Equal("ipr_pci_error_detected", report.Function); // ppc64 ELFv1 dot symbols are read without the dot (corpus README)
        Assert.Equal("ipr", report.Module);
        Assert.Equal("000012e0", report.FaultAddress);
        Assert.Equal("3.10.0-33.el7.ppc64", report.Kernel);
        Assert.Equal("G W", report.Taint);
        Assert.Equal(1, report.OopsCount);
        Assert.Null(report.OopsCode);
        Assert.Equal("d0000000008e3bb8", report.Registers["GPR02"]);
        Assert.Equal("ppc64", report.Arch);
    }

    [Fact]
    public void S390_psw_gives_the_faulting_function()
    {
        var report = Parse("Krnl PSW : 0704f00180000000 000003ff8086d03a (will_oops_init+0x3a/0x1000 [will_oops])",
            "CPU: 0 PID: 32037 Comm: insmod Tainted: GF          O--------------   3.10.0-54.0.1.el7.s390x #1");
        Assert.Equal("will_oops_init", report.Function);
        Assert.Equal("will_oops", report.Module);
        Assert.Equal("s390x", report.Arch);
        Assert.Equal("G F O", report.Taint);
        Assert.Equal("3.10.0-54.0.1.el7.s390x", report.Kernel);
    }

    [Fact]
    public void Mce_rip_behind_the_hardware_error_tag_is_the_ip()
    {
        var report = Parse("core: [Hardware Error]: CPU 18: Machine Check Exception: 5 Bank 7: be00000001010090",
            "core: [Hardware Error]: RIP !INEXACT! 10:<ffffffffa16506be> {native_safe_halt+0xe/0x10}",
            "Kernel panic - not syncing: Fatal machine check");
        Assert.Equal("native_safe_halt", report.Function);
        Assert.Equal("10", report.CodeSegment);
        Assert.Equal(18, report.Cpu);
    }

    [Fact]
    public void I386_page_walk_is_kept()
    {
        var report = Parse("BUG: unable to handle kernel NULL pointer dereference at 00000008",
            "*pdpt = 0000000033e1e001 *pde = 0000000000000000 ");
        Assert.Equal("*pdpt = 0000000033e1e001 *pde = 0000000000000000", report.PageTableWalk);
    }

    [Theory]
    [InlineData(" system_call_fastpath+0x16/0x1b", "x86_64")]
    [InlineData(" sysenter_do_call+0x12/0x28", "i386")]
    [InlineData(" el0_svc+0x34/0x108", "arm64")]
    [InlineData(" ret_fast_syscall+0x0/0x54", "arm")]
    public void Arch_comes_from_entry_frames_when_nothing_else_tells(string frame, string arch)
    {
        Assert.Equal(arch, Parse("INFO: task x:1 blocked for more than 120 seconds.", "Call Trace:", frame).Arch);
    }
}
