using PanicLens.Ingest;

namespace PanicLens.Core.Tests.Ingest;

public sealed class PrefixStripperTests
{
    [Theory]
    // raw line, kernel text, timestamp, uptime, context, origin
    [InlineData("2017-01-14 01:04:26\tBUG: unable to handle kernel paging request at ffff8802ea75bb00",
        "BUG: unable to handle kernel paging request at ffff8802ea75bb00", "2017-01-14T01:04:26", null, null, null)]
    [InlineData("2016-06-01 14:11:13\t[35060910.024741] INFO: task events/4:103 blocked for more than 120 seconds.",
        "INFO: task events/4:103 blocked for more than 120 seconds.", "2016-06-01T14:11:13", "35060910.024741", null, null)]
    [InlineData("2016-06-01 14:11:13    [ 1.5] Call Trace:", "Call Trace:", "2016-06-01T14:11:13", "1.5", null, null)]
    [InlineData("[  772.918915] BUG: unable to handle kernel paging request", "BUG: unable to handle kernel paging request", null, "772.918915", null, null)]
    [InlineData("[  584.319520][   T31]  __switch_to+0x2b0/0x6e0 (T)", " __switch_to+0x2b0/0x6e0 (T)", null, "584.319520", "T31", null)]
    [InlineData("[   12.000001][    C1] RIP: 0010:foo+0x1/0x2", "RIP: 0010:foo+0x1/0x2", null, "12.000001", "C1", null)]
    [InlineData("[T123] WARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2", "WARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2", null, null, "T123", null)]
    [InlineData("<4>[  123.456789] Call Trace:", "Call Trace:", null, "123.456789", null, null)]
    [InlineData("<0> ffff88000f2ea000 ffff88047ae08700", " ffff88000f2ea000 ffff88047ae08700", null, null, null, null)]
    [InlineData("2017-01-14T01:04:26.123456+08:00 host kernel: Oops: 0000 [#1] SMP", "Oops: 0000 [#1] SMP", "2017-01-14T01:04:26.123456+08:00", null, null, "kernel")]
    [InlineData("2024-03-02T10:00:01+0100 web01 kernel: Call Trace:", "Call Trace:", "2024-03-02T10:00:01+0100", null, null, "kernel")]
    [InlineData("2024-03-02T10:00:01Z Call Trace: ", "Call Trace: ", "2024-03-02T10:00:01Z", null, null, null)]
    [InlineData("Jan 14 01:04:26 host kernel: [ 4552.564718] WARNING: at x.c:1", "WARNING: at x.c:1", null, "4552.564718", null, "kernel")]
    [InlineData("Jan  4 01:04:26 host kernel: Call Trace:", "Call Trace:", null, null, null, "kernel")]
    [InlineData("Jan 14 01:04:26.123456 host kernel: Call Trace:", "Call Trace:", null, null, null, "kernel")]
    [InlineData("Jun 12 12:41:57 host sshd[123]: Accepted publickey", "Accepted publickey", null, null, null, "sshd")]
    [InlineData("<4>1 2017-01-14T01:04:26.003Z host kernel - - - Oops: 0002 [#1] SMP", "Oops: 0002 [#1] SMP", "2017-01-14T01:04:26.003Z", null, null, "kernel")]
    [InlineData("<6>1 2017-01-14T01:04:26Z host kernel - - [meta x=\"1\"] Call Trace:", "Call Trace:", "2017-01-14T01:04:26Z", null, null, "kernel")]
    [InlineData("[ 1234.567890] host kernel: Call Trace:", "Call Trace:", null, "1234.567890", null, "kernel")]
    [InlineData("[Sat Jan 14 01:04:26 2017] Call Trace:", "Call Trace:", "2017-01-14T01:04:26", null, null, null)]
    [InlineData("[Jan14 01:04] BUG: kernel NULL pointer dereference", "BUG: kernel NULL pointer dereference", null, null, null, null)]
    [InlineData("[  +0.000123] RIP: 0010:f+0x1/0x2", "RIP: 0010:f+0x1/0x2", null, null, null, null)]
    [InlineData("kern  :alert : BUG: kernel NULL pointer dereference, address: 00000000000002fc", "BUG: kernel NULL pointer dereference, address: 00000000000002fc", null, null, null, null)]
    [InlineData("4,567,1234567,-,caller=T42;Call Trace:", "Call Trace:", null, "1.234567", "T42", null)]
    [InlineData("6,1234,5678901,-;Oops: 0000 [#1] SMP", "Oops: 0000 [#1] SMP", null, "5.678901", null, null)]
    [InlineData("syzkaller login: [   35.184476] BUG: using __this_cpu_read()", "BUG: using __this_cpu_read()", null, "35.184476", null, null)]
    [InlineData("** 4491 printk messages dropped ** [   50.750742] INFO: Allocated in f", "INFO: Allocated in f", null, "50.750742", null, null)]
    [InlineData("Ubuntu login: root", "Ubuntu login: root", null, null, null, null)]
    [InlineData("Feb 19 17:08:22 kernel: WARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2", "WARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2", null, null, null, "kernel")]
    [InlineData("Feb  9 17:08:22 kernel: [  12.5] Call Trace:", "Call Trace:", null, "12.5", null, "kernel")]
    [InlineData("Feb 19 17:08:22 sshd[812]: BUG: not ours", "BUG: not ours", null, null, null, "sshd")]
    [InlineData("[ ] kernel BUG at mm/slub.c:547!", "kernel BUG at mm/slub.c:547!", null, null, null, null)]
    [InlineData("[    ][ T5855] general protection fault: 0000 [#1] SMP", "general protection fault: 0000 [#1] SMP", null, null, "T5855", null)]
    [InlineData("[ ]  __slab_free+0xf8/0x348", " __slab_free+0xf8/0x348", null, null, null, null)]
    public void Each_prefix_style_is_stripped_and_its_facts_kept(string raw, string text, string? timestamp, string? uptime, string? context, string? origin)
    {
        var line = PrefixStripper.ToLogLine(7, raw);
        Assert.Equal(text, line.Text);
        Assert.Equal(timestamp, line.Timestamp);
        Assert.Equal(uptime, line.Uptime);
        Assert.Equal(context, line.Context);
        Assert.Equal(origin, line.Origin);
        Assert.Equal(7, line.Number);
    }

    [Theory]
    [InlineData("[<ffffffff81396824>] netlink_dump+0x60/0x1a3")]
    [InlineData("[] inet_diag_dump+0x3c8/0x7ca [inet_diag]")]
    [InlineData(" [<c0123456>] ? foo+0x1/0x2")]
    [InlineData("Call Trace: ")]
    [InlineData("RAX: 0000000000000000 RBX: ffff88000f2eab68 RCX: 0000000e43924da9")]
    [InlineData("Pid: 29755, comm: ss Tainted: P        W  2.6.32.36-xen #1 ProLiant DL380p Gen8")]
    [InlineData("CS:  e033 DS: 0000 ES: 0000 CR0: 000000008005003b")]
    [InlineData("(XEN) Domain 0 crashed: 'noreboot' set - not rebooting.")]
    [InlineData("------------[ cut here ]------------")]
    [InlineData("Modules linked in: tcp_diag inet_diag [last unloaded: x]")]
    public void Kernel_text_that_looks_like_a_prefix_is_kept_whole(string raw)
    {
        Assert.Equal(raw, PrefixStripper.ToLogLine(1, raw).Text);
    }
}
