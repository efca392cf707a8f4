using PanicLens.Analysis;

namespace PanicLens.Core.Tests.Analysis;

/// <summary>Register values and code taken from syzkaller corpus reports (file numbers given).</summary>
public sealed class KasanAndHeuristicsTests
{
    [Fact]
    public void A_kasan_shadow_check_decodes_back_to_the_checked_address()
    {
        // 201: GPF at `movzx edx,byte ptr [rdx+rax]` with RAX = the shadow offset: the checked pointer was spinlock magic.
        var report = TestReports.Empty("general protection fault: 0000 [#1] PREEMPT SMP KASAN");
        report.Arch = "x86_64";
        report.Kernel = "4.9.80-g550c01d";
        TestReports.Registers(report, "RAX: dffffc0000000000 RDX: 1bd5a9d5a0000003 RSP: 0018:ffff8801c4f8f9a8 CR2: 00000000f6f1cbf0");
        report.Code = TestReports.Code("48 b8 00 00 00 00 00 fc ff df 48 89 fa 48 c1 ea 03 <0f> b6 14 02 84 d2");

        var diagnosis = new Diagnoser().Diagnose(report);

        Assert.Equal("kasan-shadow-of-wild", diagnosis.Address!.Class);
        Assert.Contains("[0xdead4ead00000018-0xdead4ead0000001f]", diagnosis.Address.Explanation);
        Assert.Contains("spinlock-magic", diagnosis.Address.Explanation);
    }

    [Fact]
    public void A_shadow_check_inside_a_canonical_region_is_decoded_only_because_of_the_offset_register()
    {
        // 382: the shadow address ffffde202758ca0b lies in the vmalloc range; RAX holding the offset says it is a shadow.
        var context = new AddressContext("x86_64", "5.1.0", FromPageFault: true, NotPresent: true);

        Assert.Equal("vmalloc", AddressClassifier.Classify(0xffffde202758ca0b, context).Class);
        Assert.Equal("kasan-shadow-of-wild", AddressClassifier.Classify(0xffffde202758ca0b, context with { KasanShadowAccess = true }).Class);
    }

    [Fact]
    public void Spinlock_magic_in_the_high_half_is_recognised()
    {
        // 162: `lock inc dword ptr [rbx+0x198]` with RBX = dead4ead00000000.
        var finding = AddressClassifier.Classify(0xdead4ead00000198, new AddressContext("x86_64", "4.4.107", false, false));

        Assert.Equal("spinlock-magic", finding.Class);
    }

    [Fact]
    public void Text_used_as_a_pointer_is_called_text()
    {
        // 680 (arm64): x22 = 6161616161616161 ("aaaaaaaa"), fault 00616161616161a1.
        var finding = AddressClassifier.Classify(0x00616161616161a1, new AddressContext("arm64", "6.1.0", true, true));

        Assert.Equal("ascii-data", finding.Class);
    }

    [Fact]
    public void A_fault_on_ret_blames_the_stack_contents_not_rsp()
    {
        // 358: GPF on `ret`; RSP printed as `0018:ffff8801db307d00`.
        var report = TestReports.Empty("general protection fault: 0000 [#1] SMP KASAN");
        report.Arch = "x86_64";
        TestReports.Registers(report, "RSP: 0018:ffff8801db307d00 RAX: 0000000000000000");
        report.Code = TestReports.Code("48 83 c4 08 5b 5d <c3> 0f 1f 00");

        var diagnosis = new Diagnoser().Diagnose(report);

        Assert.Equal("ret", diagnosis.Instruction!.Text);
        Assert.Contains("return address on the stack is corrupted", diagnosis.Instruction.Explanation);
        Assert.Null(diagnosis.BadRegister);
        Assert.Null(diagnosis.Address);
        Assert.Equal("ffff8801db307d00", diagnosis.Operand!.Registers[0].Value);
    }

    [Fact]
    public void A_soft_lockup_instruction_is_decoded_but_no_register_is_blamed()
    {
        // 350: a soft lockup whose Code: line stops at `mov rcx,qword ptr [rbp+8]`.
        var report = TestReports.Empty("watchdog: BUG: soft lockup - CPU#2 stuck for 136s! [syz-executor4:4888]");
        report.Arch = "x86_64";
        TestReports.Registers(report, "RBP: ffff88803b35f218 CR2: 0000001b2d423000");
        report.Code = TestReports.Code("55 48 89 e5 <48> 8b 4d 08 5d c3");

        var diagnosis = new Diagnoser().Diagnose(report);

        Assert.Equal("mov rcx,qword ptr [rbp+8]", diagnosis.Instruction!.Text);
        Assert.Null(diagnosis.BadRegister);
        Assert.Null(diagnosis.Address);
    }

    [Fact]
    public void Arm64_register_offset_loads_add_the_index_and_ignore_the_tag_byte()
    {
        // 680: `Code: ... (f8696ac0)` = ldr x0, [x22, x9]; x22 = 6161616161616161, x9 = 40.
        var report = TestReports.Empty("Unable to handle kernel paging request at virtual address 00616161616161a1");
        report.Arch = "arm64";
        report.Kernel = "6.1.0-rc6-syzkaller";
        report.FaultAddress = "00616161616161a1";
        TestReports.Registers(report, "x22: 6161616161616161 x9: 0000000000000040");
        report.Code = TestReports.Code("d503201f (f8696ac0)");

        var diagnosis = new Diagnoser().Diagnose(report);

        Assert.Equal("[x22, x9]", diagnosis.Operand!.Expression);
        Assert.Equal("61616161616161a1", diagnosis.Operand.Address);
        Assert.True(diagnosis.Operand.MatchesFaultAddress);
        Assert.Equal("x22", diagnosis.BadRegister);
    }
}
