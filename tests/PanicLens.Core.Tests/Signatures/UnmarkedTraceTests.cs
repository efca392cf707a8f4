namespace PanicLens.Core.Tests.Signatures;

/// <summary>
/// x86 kernels of 2.6.28 to 4.14 built without frame pointers print every frame `? ` (arch/x86/kernel/dumpstack.c
/// print_context_stack: an address is reliable only right above the frame-pointer chain, and there is none): the trace
/// is a stack scan, read as it is, from just past the report's own function when that one is skipped. Traces of 4.15 on
/// (no `[&lt;address&gt;]` column, the ORC unwinder) all of `?` are an unwinder's failure and stay `in corrupted`.
/// Varied over envelopes, 64- and 32-bit address columns and stale frames above the report's own.
/// </summary>
public sealed class UnmarkedTraceTests
{
    public static TheoryData<string> Envelopes => new()
    {
        "", "[ 1010.310320] ", "> > [ 1010.310320] ", "Apr 29 23:36:35 limus kernel: [ 1556.926019] ", "    ", ">> ", "<4>[ 1010.310320] ",
    };

    private static readonly string[] Columns = ["[<ffffffff846f66eb>]", "[<c10a9f3e>]"];

    private static string Log(string envelope, IEnumerable<string> lines) => string.Concat(lines.Select(l => envelope + l + "\n"));

    private static string[] Warning(string column) =>
    [
        "------------[ cut here ]------------",
        "WARNING: CPU: 3 PID: 119 at fs/sysfs/dir.c:31 sysfs_warn_dup+0x7b/0x90",
        "sysfs: cannot create duplicate filename '/bus/usb/devices/1-3.3'",
        "Modules linked in: em28xx_dvb dvb_core",
        "CPU: 3 PID: 119 Comm: kworker/3:2 Not tainted 4.9.0-rc8+ #14",
        "Call Trace:",
        $" {column} ? dump_stack+0x5c/0x77",
        $" {column} ? __warn+0x168/0x1a0",
        $" {column} ? warn_slowpath_fmt+0xb4/0xf0",
        $" {column} ? kernfs_path_from_node+0x4a/0x60",
        $" {column} ? sysfs_warn_dup+0x7b/0x90",
        $" {column} ? sysfs_do_create_link_sd.isra.2+0xb6/0xd0",
        $" {column} ? bus_add_device+0x318/0x6b0",
        "---[ end trace 49b46eb633ff1197 ]---",
    ];

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_warning_names_its_own_function_past_stale_frames(string envelope)
    {
        foreach (var column in Columns)
        {
            var report = CorpusPipeline.Reports(Log(envelope, Warning(column)))[0];
            Assert.True(report.Title == "WARNING in sysfs_warn_dup" && !report.Corrupted,
                $"`{envelope}` {column}: `{report.Title}` corrupted {report.Corrupted} ({report.CorruptionReason})");
        }
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_fault_in_a_skipped_helper_names_the_first_return_address_of_the_scan(string envelope)
    {
        foreach (var column in Columns)
        {
            var lines = new[]
            {
                "BUG: unable to handle kernel NULL pointer dereference at 0000000000000139",
                $"IP: {column} mutex_lock+0xe/0x30", "PGD 0", "Oops: 0002 [#1] SMP",
                "CPU: 1 PID: 1858 Comm: tvtime Not tainted 4.9.0-6-amd64 #1 Debian 4.9.82-1+deb9u3",
                $"RIP: 0010:{column}  {column} mutex_lock+0xe/0x30",
                "Call Trace:",
                $" {column} ? media_devnode_release+0x0/0x1f [media]",  // a function pointer on the stack, not a return address
                $" {column} ? media_remove_intf_links+0x21/0x40 [media]",
                $" {column} ? v4l2_device_release+0x98/0x110 [videodev]",
                $" {column} ? __fput+0xd8/0x220",
                "Code: 83 f8 01 0f 85 61 ff ff ff eb d5 <f0> ff 0b 79 08",
                "---[ end trace 035f1f95c7f9f0db ]---",
            };
            var report = Assert.Single(CorpusPipeline.Reports(Log(envelope, lines)));
            Assert.True(report.Title == "BUG: unable to handle kernel NULL pointer dereference in media_remove_intf_links" && !report.Corrupted,
                $"`{envelope}` {column}: `{report.Title}` corrupted {report.Corrupted} ({report.CorruptionReason})");
            Assert.Equal("mutex_lock", report.Function);
        }
    }

    /// <summary>
    /// A title the instruction pointer gives is no less whole for a trace of `?` frames: with address columns it is a
    /// kernel without frame pointers (not corrupted); without them, on a console capture, the unwinder failed (corrupted).
    /// </summary>
    [Theory]
    [InlineData("[ 1556.926019] ")]
    [InlineData("> > [ 1556.926019] ")]
    [InlineData("Apr 29 23:36:35 limus kernel: [ 1556.926019] ")]
    public void An_ip_titled_report_over_a_doubted_trace_is_corrupted_only_without_address_columns(string envelope)
    {
        foreach (var column in new[] { Columns[0], Columns[1], "" })
        {
            var lead = column.Length > 0 ? column + " " : "";
            var lines = new[]
            {
                "BUG: unable to handle kernel NULL pointer dereference at 0000000000000139",
                "Oops: 0002 [#1] SMP",
                "CPU: 1 PID: 1858 Comm: tvtime Not tainted 4.9.0-6-amd64 #1 Debian 4.9.82-1+deb9u3",
                $"RIP: 0010:{lead}media_remove_intf_links+0x21/0x40 [media]",
                "Call Trace:",
                $" {lead}? v4l2_device_release+0x98/0x110 [videodev]",
                $" {lead}? __fput+0xd8/0x220",
                $" {lead}? task_work_run+0x7f/0xa0",
                "---[ end trace 035f1f95c7f9f0db ]---",
            };
            var report = Assert.Single(CorpusPipeline.Reports(Log(envelope, lines)));
            Assert.Equal("BUG: unable to handle kernel NULL pointer dereference in media_remove_intf_links", report.Title);
            Assert.True(report.Corrupted == (column.Length == 0), $"`{envelope}` `{column}`: corrupted {report.Corrupted} ({report.CorruptionReason})");
        }
    }

    /// <summary>Console captures only: a pasted report (no console stamp) is titled from the parser's reading instead.</summary>
    [Theory]
    [InlineData("[ 1010.310320] ")]
    [InlineData("> > [ 1010.310320] ")]
    [InlineData("Apr 29 23:36:35 limus kernel: [ 1556.926019] ")]
    [InlineData("[  202.693582][ T9969] ")]
    public void A_trace_without_address_columns_all_doubted_stays_corrupted(string envelope)
    {
        var lines = new[]
        {
            "BUG: stack guard page was hit at ffffc90004b0ffd8 (stack is ffffc90004b10000..ffffc90004b17fff)",
            "kernel stack overflow (double-fault): 0000 [#1] PREEMPT SMP KASAN",
            "CPU: 0 PID: 9969 Comm: syz-executor.3 Not tainted 5.4.0-rc3+ #0",
            "RIP: 0010:__lock_acquire+0x2d/0x4b40",
            "Call Trace:",
            " ? ip6_sublist_rcv+0x5c/0x720",
            " ? __kasan_slab_free+0x12e/0x1e0",
            " ? kfree+0x10a/0x220",
        };
        var report = Assert.Single(CorpusPipeline.Reports(Log(envelope, lines)));
        Assert.True(report.Title.EndsWith(" in corrupted", StringComparison.Ordinal), $"`{envelope}`: `{report.Title}`");
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void One_reliable_frame_leaves_the_doubted_ones_aside(string envelope)
    {
        var lines = Warning(Columns[0]).ToList();
        lines.Insert(lines.Count - 1, $" {Columns[0]} usb_new_device+0x707/0x1030 [usbcore]");
        var report = CorpusPipeline.Reports(Log(envelope, lines))[0];
        Assert.True(report.Title == "WARNING in usb_new_device", $"`{envelope}`: `{report.Title}`");
    }
}
