using System.Text.RegularExpressions;
using PanicLens.Buckets;

namespace PanicLens.Core.Tests.Buckets;

public sealed partial class BucketKeyBuilderTests
{
    private static readonly string Seed = File.ReadAllText(RepoPaths.Example("xen-dom0-inet-diag.log"));

    private static BucketKeys KeysOf(string log) => BucketKeyBuilder.Build(Assert.Single(new ReportPipeline().Analyze(
        new MemoryStream(System.Text.Encoding.Latin1.GetBytes(log)), "test")));

    /// <summary>Another build of the same code: every offset and size moves, clones get other numbers.</summary>
    private static string Rebuilt(string log) => Offsets().Replace(log, m => $"+0x{Convert.ToInt32(m.Groups[1].Value, 16) + 3:x}/0x{Convert.ToInt32(m.Groups[2].Value, 16) + 16:x}");

    [GeneratedRegex(@"\+0x([0-9a-f]+)/0x([0-9a-f]+)")]
    private static partial Regex Offsets();

    private static string Oops(string function, string caller) => $"""
        BUG: unable to handle kernel NULL pointer dereference at 0000000000000010
        IP: [<ffffffff8132f5d0>] {function}+0x10/0x110
        PGD 0
        Oops: 0000 [#1] SMP
        Modules linked in: e1000e
        Pid: 4242, comm: worker Not tainted 3.10.0-957.el7.x86_64 #1
        RIP: 0010:[<ffffffff8132f5d0>]  [<ffffffff8132f5d0>] {function}+0x10/0x110
        RSP: 0018:ffff88003a4bfd40  EFLAGS: 00010246
        Call Trace:
         [<ffffffff81234567>] {caller}+0x20/0x80
         [<ffffffff81234600>] vfs_read+0x9e/0x170
         [<ffffffff81234700>] SyS_read+0x55/0xa0
         [<ffffffff81234800>] system_call_fastpath+0x16/0x1b
        Code: 48 89 f8 48 89 d1 48 c1 e9 03 83 e2 07 <f3> 48 a5 89 d1 f3 a4 c3
        RIP  [<ffffffff8132f5d0>] {function}+0x10/0x110
         RSP <ffff88003a4bfd40>
        ---[ end trace 1f2e3d4c5b6a7980 ]---

        """;

    [Fact]
    public void Keys_are_versioned_and_named()
    {
        var keys = KeysOf(Seed);
        Assert.StartsWith("exact/1:", keys.Exact);
        Assert.StartsWith("stack/1:MEMORY_SAFETY_BUG:ipv6_addr_copy [inet_diag] < inet_diag_dump [inet_diag]", keys.Stack);
        Assert.Equal("title/1:BUG: unable to handle kernel paging request in ipv6_addr_copy", keys.Title);
        Assert.Equal("domain/1:bad-access in ipv6_addr_copy", keys.Domain);
        Assert.Matches("^b[0-9a-f]{12}$", keys.BucketId);
    }

    [Fact]
    public void One_bug_from_two_builds_with_other_offsets_shares_its_bucket_but_not_its_exact_key()
    {
        var a = KeysOf(Seed);
        var b = KeysOf(Rebuilt(Seed));
        Assert.NotEqual(a.Exact, b.Exact);
        Assert.Equal((a.Stack, a.Title, a.Domain), (b.Stack, b.Title, b.Domain));
    }

    [Fact]
    public void Compiler_clones_and_syscall_wrappers_do_not_split_a_bucket()
    {
        var plain = KeysOf(Oops("tcp_do_thing", "tcp_sendmsg"));
        var cloned = KeysOf(Oops("tcp_do_thing.isra.3", "tcp_sendmsg.constprop.0"));
        Assert.Equal(plain.Stack, cloned.Stack);
        Assert.Equal("sys_read", FrameNames.Normalize("__x64_sys_read"));
        Assert.Equal("sys_read", FrameNames.Normalize("__se_sys_read"));
        Assert.Equal("compat_sys_ioctl", FrameNames.Normalize("__ia32_compat_sys_ioctl"));
        Assert.Equal("copy_page_range", FrameNames.Normalize(".copy_page_range.part.0.cold"));
    }

    [Fact]
    public void Two_bugs_that_crash_in_one_helper_do_not_share_a_bucket_or_a_domain()
    {
        var a = KeysOf(Oops("memcpy", "nfs_read_reply"));
        var b = KeysOf(Oops("memcpy", "usb_fill_buffer"));
        Assert.NotEqual(a.Stack, b.Stack);
        Assert.NotEqual(a.Domain, b.Domain);
    }

    [Fact]
    public void Different_crash_kinds_in_one_function_meet_in_the_domain_only()
    {
        var paging = KeysOf(Seed);
        var gpf = KeysOf(Seed.Replace("BUG: unable to handle kernel paging request at ffff8802ea75bb00",
            "general protection fault: 0000 [#1] SMP"));
        Assert.NotEqual(paging.Title, gpf.Title);
        Assert.Equal(paging.Domain, gpf.Domain);
    }

    [Fact]
    public void The_stoplist_holds_helpers_not_the_functions_that_call_them()
    {
        Assert.True(BucketStoplist.Contains("memcpy"));
        Assert.True(BucketStoplist.Contains("_raw_spin_lock_irqsave"));
        Assert.True(BucketStoplist.Contains("__list_add_valid_or_report"));
        Assert.False(BucketStoplist.Contains("ipv6_addr_copy"));
        Assert.False(BucketStoplist.Contains("tcp_sendmsg"));
    }
}
