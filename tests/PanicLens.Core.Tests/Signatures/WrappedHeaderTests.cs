namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// A console or mail client that wraps at its width moves the tail of a stamped header to a line of its own, and that
/// line carries no stamp (the wrap is not a printk record). The header's title format is tried with that tail: under
/// several stamps (uptime, syslog with uptime, caller id, indented), for several headers cut at several places.
/// </summary>
public sealed class WrappedHeaderTests
{
    public static TheoryData<string> Stamps => new()
    {
        "[   35.502102] ", "Apr 30 23:49:09 node1 kernel: [10496.092408] ", "[   12.000001][ T1730] ", "    [   35.502102] ",
    };

    private static string Log(string stamp, string header, string tail, params string[] rest) =>
        stamp + header + "\n" + tail + "\n" + string.Join("\n", rest.Select(line => stamp + line)) + "\n";

    [Theory]
    [MemberData(nameof(Stamps))]
    public void A_page_fault_header_cut_before_pointer_is_titled_whole(string stamp)
    {
        var log = Log(stamp, "BUG: kernel NULL", "pointer dereference, address: 000000c8",
            "#PF: supervisor read access in kernel mode", "#PF: error_code(0x0000) - not-present page",
            "Oops: 0000 [#1] SMP", "CPU: 0 PID: 34 Comm: kswapd0 Not tainted 5.7.0-next #1",
            "EIP: mem_cgroup_get_nr_swap_pages+0x28/0x60", "Call Trace:", " shrink_lruvec+0x1/0x2", " kswapd+0x3/0x4");
        var report = Assert.Single(CorpusPipeline.Reports(log));
        Assert.Equal("BUG: unable to handle kernel NULL pointer dereference in mem_cgroup_get_nr_swap_pages", report.Title);
    }

    [Theory]
    [MemberData(nameof(Stamps))]
    public void A_warning_header_cut_after_pid_or_at_is_titled_from_its_function(string stamp)
    {
        foreach (var (head, tail) in new[]
        {
            ("WARNING: CPU: 13 PID:", "3786 at drivers/md/raid5.c:4611 break_stripe_batch_list+0x86/0x1fb"),
            ("WARNING: CPU: 13 PID: 3786 at", "drivers/md/raid5.c:4611 break_stripe_batch_list+0x86/0x1fb"),
        })
        {
            var log = Log(stamp, head, tail, "Modules linked in: raid456", "CPU: 13 PID: 3786 Comm: md0_raid5 Tainted: G O 4.9.0 #1",
                "Call Trace:", " [<ffffffff81000001>] dump_stack+0x1/0x2", " [<ffffffff81000002>] __warn+0x1/0x2",
                " [<ffffffff81000003>] break_stripe_batch_list+0x86/0x1fb", " [<ffffffff81000004>] handle_stripe+0x1/0x2");
            var report = Assert.Single(CorpusPipeline.Reports(log));
            Assert.Equal("WARNING in break_stripe_batch_list", report.Title);
        }
    }

    [Theory]
    [InlineData("Apr 30 23:49:09 node1 kernel: ")]
    [InlineData("<4>Apr 30 23:49:09 node1 kernel: ")]
    [InlineData("2017-01-14T01:04:26.003+08:00 node1 kernel: ")]
    public void A_relay_s_envelope_on_the_tail_still_lets_it_join(string envelope)
    {
        // A syslog relay of a console sends the wrapped tail as a line of its own: the same sender, no printk stamp.
        var stamp = envelope + "[   35.502102] ";
        var log = stamp + "BUG: kernel NULL\n" + envelope + "pointer dereference, address: 000000c8\n"
            + string.Join("\n", new[] { "#PF: supervisor read access in kernel mode", "Oops: 0000 [#1] SMP",
                "EIP: mem_cgroup_get_nr_swap_pages+0x28/0x60", "Call Trace:", " kswapd+0x3/0x4" }.Select(l => stamp + l)) + "\n";
        var report = Assert.Single(CorpusPipeline.Reports(log));
        Assert.Equal("BUG: unable to handle kernel NULL pointer dereference in mem_cgroup_get_nr_swap_pages", report.Title);
    }

    [Fact]
    public void A_bare_line_after_a_complete_header_is_not_taken_for_its_tail()
    {
        var log = Log("[   35.502102] ", "BUG: kernel NULL pointer dereference, address: 000000c8", "Writing inode tables: done",
            "#PF: supervisor read access in kernel mode", "Oops: 0000 [#1] SMP", "EIP: f+0x28/0x60", "Call Trace:", " g+0x1/0x2");
        var report = Assert.Single(CorpusPipeline.Reports(log));
        Assert.Equal("BUG: unable to handle kernel NULL pointer dereference in f", report.Title);
    }
}
