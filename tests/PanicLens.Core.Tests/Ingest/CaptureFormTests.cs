using System.Text;
using System.Text.Json;
using PanicLens.Ingest;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Ingest;

/// <summary>
/// The capture forms of issue 10 (quoting, indentation, z/VM, KTAP, a cut-off syslog tag, journal JSON, LAVA, the Xen
/// console), each tried around several kernel lines, behind and in front of other prefixes, with LF and CRLF: the
/// kernel's text and the stamp's facts must come out unchanged.
/// </summary>
public sealed class CaptureFormTests
{
    /// <summary>Kernel lines with the shapes that matter: a header, frames with the kernel's own indentation, a register line.</summary>
    private static readonly string[] KernelLines =
    [
        "BUG: unable to handle kernel NULL pointer dereference at 0000000000000046",
        " [<ffffffff81396824>] netlink_dump+0x60/0x1a3",
        "  ? __schedule+0x3fc/0x1430",
        "RIP: 0010:[<ffffffffa0e1347e>]  [<ffffffffa0e1347e>] nf_xfrm_me_harder+0x256/0x38f [nf_nat]",
        "Modules linked in: tcp_diag inet_diag [last unloaded: x]",
    ];

    /// <summary>What the kernel or a collector put in front (name, prefix, uptime, caller id it says).</summary>
    private static readonly (string Name, string Prefix, string? Uptime, string? Context)[] Stamps =
    [
        ("none", "", null, null),
        ("uptime", "[ 1234.567890] ", "1234.567890", null),
        ("uptime-caller", "[  584.319520][   T31] ", "584.319520", "T31"),
        ("rfc3164", "Jan 14 01:04:26 web01 kernel: ", null, null),
        ("rfc3164-uptime", "Jan 14 01:04:26 web01 kernel: [ 12.500000] ", "12.500000", null),
        ("date-tab", "2017-01-14 01:04:26\t", null, null),
        ("priority-uptime", "<4>[ 99.000001] ", "99.000001", null),
        ("anaconda", "00:09:50,669 ALERT kernel:", null, null),
        ("kernel-tag", "kernel: ", null, null),
        ("kernel-tag-uptime", "kernel:[ 99.000001] ", "99.000001", null),
        // journalctl's and syslog's `short` line with its 16-column time cut away: `HOSTNAME kernel: `
        ("kernel-tag-host", "steamdeck kernel: ", null, null),
        ("kernel-tag-fqdn", "web-01.example.org kernel: ", null, null),
        ("kernel-tag-host-uptime", "h63 kernel: [ 99.000001] ", "99.000001", null),
        ("anaconda-uptime", "00:09:50,669 WARNING kernel:[ 99.000001] ", "99.000001", null),
        // IGT's runner keeps the kernel log as `<%u> [%llu.%06llu] ` (runner/executor.c).
        ("igt-runner", "<4> [358.080081] ", "358.080081", null),
        // util-linux dmesg: --show-delta `[%5ld.%06ld <%12.06f>] `, -H `[  %+8.06f] ` and `%b%e %H:%M`, -T
        // `%a %b %e %H:%M:%S %Y`; `%f` takes the locale's decimal separator and strftime its names.
        ("dmesg-delta", "[   41.710603 <    0.000023>] ", "41.710603", null),
        ("dmesg-delta-comma", "[   41.710603 <    0,000023>] ", "41.710603", null),
        ("dmesg-human-comma", "[  +0,000008] ", null, null),
        ("dmesg-human-month", "[okt28 14:07] ", null, null),
        ("dmesg-ctime-nl", "[zo aug  1 20:24:51 2021] ", null, null),
        ("dmesg-ctime-sk", "[Ut okt 28 14:07:39 2025] ", null, null),
        ("dmesg-ctime-fr", "[sam. janv.  4 20:24:51 2021] ", null, null),
        // Samsung's CONFIG_PRINTK_PROCESS: `"%c[%1d:%15s:%5d]"` after the time (`I` in interrupt context); the comm may
        // hold a colon. It names the printing context as a caller id does.
        ("process", "[ 3041.949116] [5:    kworker/5:1:  130] ", "3041.949116", "T130"),
        ("process-irq", "<4>[ 1437.857463]I[5:          cplay:11547] ", "1437.857463", "C5"),
        ("process-padded", "<4>[ 1437.857463]  [5:          cplay:11547] ", "1437.857463", "T11547"),
        // PREEMPT_RT's printk (5.0-rt to 5.x-rt) prints the processor that stored the record after the time: `%03` digits.
        ("rt-cpu", "[    4.896294] 000: ", "4.896294", null),
        ("rt-cpu-syslog", "Jan 14 01:04:26 web01 kernel: [    4.896294] 017: ", "4.896294", null),
        // metalog (src/metalog.c build_log_line): `"%s [%s] %s\n"` with `%b %d %T`, no host; `[%s][%s]` with the level.
        ("metalog", "Jun 07 12:49:05 [kernel] ", null, null),
        ("metalog-uptime", "Jun  7 12:49:05 [kernel] [  583.123456] ", "583.123456", null),
        ("metalog-level", "Jun 07 12:49:05 [kernel][WARNING] ", null, null),
    ];

    /// <summary>Layers added around the captured line; `stamps` names the stamps the layer is seen around in the wild.</summary>
    public static TheoryData<string> Layers() => new()
    {
        "> ", ">> ", "> > > ", "| ", "    ", "\t", "00: ", "0A: ", "# ", "    # ", "kernel: ", "kernel:", " kernel: ", "(XEN) (d1) ", "(d12) ",
        "+", "+# ", "> +# ", "+    ",
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void The_kernel_text_and_its_stamp_survive_every_capture_layer(string layer)
    {
        foreach (var (name, prefix, uptime, context) in Stamps)
        {
            if (!Seen(layer, name))
                continue;
            foreach (var kernel in KernelLines)
                foreach (var end in new[] { "\n", "\r\n" })
                {
                    var line = Single(layer + prefix + kernel + end);
                    // Indentation in front of nothing but kernel text is the kernel's own and is kept (behind a diff's `+` too).
                    var inner = layer.TrimStart('+');
                    var want = prefix.Length == 0 && inner.Trim().Length == 0 ? inner + kernel : kernel;
                    Assert.True(want == line.Text, $"[{layer}] + {name}: want '{want}' got '{line.Text}'");
                    Assert.Equal(uptime, line.Uptime);
                    Assert.Equal(context, line.Context);
                }
        }
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("uptime", "1234.567890")]
    [InlineData("uptime-caller", "584.319520")]
    public void A_lava_target_record_is_the_boards_console(string stamp, string? uptime)
    {
        var (_, prefix, _, context) = Stamps.Single(s => s.Name == stamp);
        foreach (var kernel in KernelLines)
            foreach (var layer in new[] { "", "> " })
            {
                var record = $"- {{\"dt\": \"2023-01-13T10:43:11.693457\", \"lvl\": \"target\", \"msg\": {JsonSerializer.Serialize(prefix + kernel)}}}";
                var line = Single(layer + record + "\r\n");
                Assert.Equal(kernel, line.Text);
                Assert.Equal(uptime, line.Uptime);
                Assert.Equal(context, line.Context);
                Assert.Equal("2023-01-13T10:43:11.693457", line.Timestamp);
                Assert.Null(line.Origin);
            }
    }

    /// <summary>
    /// LAVA's notification mail prints `{error_type} error: {error_msg}` (testjob_notification.txt), the message being
    /// the console line the job stopped at; every error type of lava_common/exceptions.py, behind quoting too.
    /// </summary>
    [Fact]
    public void A_lava_notification_error_line_is_the_console_line_behind_it()
    {
        foreach (var type in new[] { "Job", "Infrastructure", "Bug", "Test", "Configuration", "LAVATimeout", "MultinodeTimeout", "Canceled" })
            foreach (var (name, prefix, uptime, context) in Stamps.Where(s => s.Prefix.Length > 0 && !s.Name.StartsWith("kernel-tag", StringComparison.Ordinal)))
                foreach (var kernel in KernelLines)
                    foreach (var layer in new[] { "", "> ", "    " })
                    {
                        var line = Single($"{layer}{type} error: {prefix}{kernel}");
                        Assert.True(kernel == line.Text, $"{type} + {name}: '{line.Text}'");
                        Assert.Equal(uptime, line.Uptime);
                        Assert.Equal(context, line.Context);
                    }
    }

    [Theory]
    [InlineData("Job error: the board did not reach a login prompt")]
    [InlineData("Job error: BUG: unable to handle kernel NULL pointer dereference at 0000000000000046")]
    [InlineData("Infrastructure error: Unable to power on the DUT")]
    [InlineData("[Sat Jan 14 01:04:26] no year")]
    [InlineData("[Sat Jan 14 1:04:26 2017] a short clock")]
    [InlineData("[  +0,] a delta with no fraction")]
    [InlineData("[   41.710603 <    0.000023] an unclosed delta")]
    [InlineData("[    2.345678] [2:0:0:1] not a process field")]
    [InlineData("[    2.345678] [drm:intel_dp_detect [i915]] DP detect")]
    public void Text_like_a_lava_error_or_a_dmesg_stamp_is_kept_whole(string raw)
    {
        var text = Single(raw).Text;
        Assert.True(raw == text || raw.EndsWith("] " + text, StringComparison.Ordinal) && text.StartsWith('['), $"'{raw}' read as '{text}'");
    }

    /// <summary>The host of a `HOSTNAME kernel: ` line is kept as a syslog line's is; text that is no host name stays whole.</summary>
    [Fact]
    public void A_host_before_the_kernel_tag_is_the_lines_host_and_only_a_host_name_is_one()
    {
        foreach (var host in new[] { "steamdeck", "h63", "web-01.example.org", "10.0.0.7" })
            foreach (var kernel in KernelLines)
            {
                var line = Single($"{host} kernel: {kernel}");
                Assert.Equal(kernel, line.Text);
                Assert.Equal(host, line.Host);
                Assert.Equal("kernel", line.Origin);
            }
        foreach (var text in new[] { "Decompressing Linux kernel: done", "my_host kernel: x", "-bad kernel: x", "1472.135628 kernel: x", "12 kernel: x", "(udev) kernel: x", "host kernels: x" })
            Assert.Equal(text, Single(text).Text);
    }

    [Fact]
    public void Lava_s_own_records_are_not_console_text()
    {
        var line = Single("- {\"dt\": \"2023-01-13T10:43:11.693457\", \"lvl\": \"info\", \"msg\": \"Kernel panic detected\"}");
        Assert.Equal("Kernel panic detected", line.Text);
        Assert.Equal("lava", line.Origin);
        var results = Single("- {\"dt\": \"2023-01-13T10:43:12\", \"lvl\": \"results\", \"msg\": {\"case\": \"boot\", \"result\": \"fail\"}}");
        Assert.Equal("lava", results.Origin);
    }

    [Fact]
    public void A_journal_json_record_gives_its_message_program_and_printk_time()
    {
        foreach (var kernel in KernelLines)
        {
            var escaped = JsonSerializer.Serialize(kernel);
            var record = "{\"__CURSOR\":\"s=1;i=2\",\"__REALTIME_TIMESTAMP\":\"1484355866123456\",\"_TRANSPORT\":\"kernel\","
                + "\"SYSLOG_IDENTIFIER\":\"kernel\",\"_SOURCE_MONOTONIC_TIMESTAMP\":\"12345678\",\"MESSAGE\":" + escaped
                + ",\"_HOSTNAME\":\"web01\",\"_BOOT_ID\":[1,2]}";
            foreach (var line in new[] { Single(record), Single("\u001e" + record + "\r\n"), Single("> " + record) })
            {
                Assert.Equal(kernel, line.Text);
                Assert.Equal("12.345678", line.Uptime);
                Assert.Equal("kernel", line.Origin);
                Assert.Equal("2017-01-14T01:04:26.123456Z", line.Timestamp);
            }
        }
        var user = Single("{\"SYSLOG_IDENTIFIER\":\"sshd\",\"_TRANSPORT\":\"syslog\",\"MESSAGE\":\"Accepted publickey for root\"}");
        Assert.Equal("sshd", user.Origin);
        Assert.Null(user.Uptime);
        var bytes = Single("{\"_TRANSPORT\":\"kernel\",\"MESSAGE\":[66,85,71,58,32,0xff,200]}");
        Assert.StartsWith("BUG: ", bytes.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(XEN) [2019-03-27 15:56:40.123] Xen call trace:", "(XEN) Xen call trace:", "2019-03-27T15:56:40.123")]
    [InlineData("(XEN) [2019-03-27 15:56:40] ****************************************", "(XEN) ****************************************", "2019-03-27T15:56:40")]
    [InlineData("(XEN) [    3.303245] Panic on CPU 0:", "(XEN) Panic on CPU 0:", null)]
    [InlineData("(XEN) [0000003a2b5c7d9e] Panic on CPU 0:", "(XEN) Panic on CPU 0:", null)]
    [InlineData("(XEN) [<ffff82d08012a6b0>] do_page_fault+0x1a0/0x4d0", "(XEN) [<ffff82d08012a6b0>] do_page_fault+0x1a0/0x4d0", null)]
    [InlineData("(XEN) [VT-D]iommu.c:887: iommu_fault_status: Fault Overflow", "(XEN) [VT-D]iommu.c:887: iommu_fault_status: Fault Overflow", null)]
    [InlineData("(XEN) [2019-03-27 15:56:40.123] (d1) [   12.000001] Call Trace:", "Call Trace:", "2019-03-27T15:56:40.123")]
    [InlineData("> (XEN) [    3.303245] Panic on CPU 0:", "(XEN) Panic on CPU 0:", null)]
    [InlineData("(XEN) Domain 0 crashed: 'noreboot' set - not rebooting.", "(XEN) Domain 0 crashed: 'noreboot' set - not rebooting.", null)]
    [InlineData("(XEN) d1v0 Unhandled invalid opcode fault/trap [#6, ec=ffffffff]", "(XEN) d1v0 Unhandled invalid opcode fault/trap [#6, ec=ffffffff]", null)]
    public void Xen_console_stamps_go_and_its_mark_stays(string raw, string text, string? timestamp)
    {
        var line = Single(raw);
        Assert.Equal(text, line.Text);
        Assert.Equal(timestamp, line.Timestamp);
    }

    [Theory]
    [InlineData(">[   71.637915] BUG: KASAN: slab-use-after-free in __run_timers+0x7ad/0x890")]
    [InlineData(">>[   71.637915] BUG: KASAN: slab-use-after-free in __run_timers+0x7ad/0x890")]
    [InlineData("> >[   71.637915] BUG: KASAN: slab-use-after-free in __run_timers+0x7ad/0x890")]
    [InlineData("|[   71.637915] BUG: KASAN: slab-use-after-free in __run_timers+0x7ad/0x890")]
    public void A_quote_mark_glued_to_a_console_stamp_is_read_as_a_quote(string raw)
    {
        var line = Single(raw);
        Assert.Equal("BUG: KASAN: slab-use-after-free in __run_timers+0x7ad/0x890", line.Text);
        Assert.Equal("71.637915", line.Uptime);
    }

    /// <summary>
    /// RFC 3676 §4.5: the space after the quote marks is optional, and clients that leave it out glue `>` to the text;
    /// every kind of kernel line reads the same behind such a mark, at any depth, as behind `> `.
    /// </summary>
    [Theory]
    [InlineData(">", "")]
    [InlineData(">>", "")]
    [InlineData("> >", "")]
    [InlineData(">", "[ 1234.567890] ")]
    public void A_quote_mark_glued_to_the_text_is_a_quote(string marks, string stamp)
    {
        string[] lines =
        [
            .. KernelLines.Where(k => k[0] != ' '),
            "kernel BUG at lib/list_debug.c:29!",
            "------------[ cut here ]------------",
            "CPU: 1 PID: 6882 Comm: kworker/u5:1 Not tainted 5.8.0-rc7-syzkaller #0",
            "[<ffffffff81234567>] do_thing+0x1/0x2",
            "Code: 57 ff ff ff 4c 89 e1 <0f> 0b 48 89 f2",
        ];
        foreach (var kernel in lines)
        {
            var line = Single(marks + stamp + kernel);
            Assert.Equal(kernel, line.Text);
            Assert.Equal(stamp.Length == 0 ? null : "1234.567890", line.Uptime);
        }
    }

    [Theory]
    [InlineData(">ffff8801d5961a00: 00 00 00 fc fc fc fc fc fc fc fc fc fc fc fc fc")]
    [InlineData(">fffffbfffe80000c: fc fc")]
    [InlineData("|kernel BUG at mm/usercopy.c:102!")]
    [InlineData(">c5961a00: 00 00 00 fc fc fc fc fc")]
    [InlineData("#PF: error_code(0x0000) - not-present page")]
    [InlineData("00:1f.2 SATA controller [0106]: Intel Corporation")]
    [InlineData("0000:00:19.0 eth0: NIC Link is Up")]
    [InlineData("Ubuntu login: root")]
    [InlineData("kernelcore=1G")]
    [InlineData("{ .name = \"x\" }")]
    [InlineData("{\"not\": \"a journal record\"}")]
    [InlineData("(d1)")]
    [InlineData("---[ end trace 0000000000000000 ]---")]
    [InlineData("    Possible unsafe locking scenario:")]
    public void Kernel_text_that_looks_like_a_capture_layer_is_kept_whole(string raw)
    {
        Assert.Equal(raw, Single(raw).Text);
    }

    [Fact]
    public void A_getty_prompt_glued_to_a_kernel_line_goes_and_a_typed_name_stays()
    {
        foreach (var (_, prefix, uptime, _) in Stamps.Where(s => s.Prefix.Length == 0 || s.Prefix[0] == '[' || s.Prefix[0] == '<'))
            foreach (var kernel in KernelLines.Where(k => prefix.Length > 0 || k[0] == ' '))
            {
                var line = Single("web01 login: " + prefix + kernel);
                Assert.Equal(kernel, line.Text);
                Assert.Equal(uptime, line.Uptime);
            }
        Assert.Equal("Ubuntu login: root", Single("Ubuntu login: root").Text);
    }

    /// <summary>True for the stamps a layer really carries: a z/VM or journal column holds console text, not syslog lines.</summary>
    [Theory]
    [InlineData("Jun 07 12:49:05 [dhcpcd] eth0: carrier lost", "dhcpcd", "eth0: carrier lost")]
    [InlineData("Jun 07 12:49:05 [kernel] usb 1-1: new high-speed USB device", "kernel", "usb 1-1: new high-speed USB device")]
    [InlineData("Jun 07 12:49:05 [sshd][INFO] Accepted publickey", "sshd", "Accepted publickey")]
    public void A_metalog_line_names_its_program(string raw, string origin, string text)
    {
        var line = Single(raw);
        Assert.Equal(origin, line.Origin);
        Assert.Equal(text, line.Text);
    }

    private static bool Seen(string layer, string stamp) => layer.Trim() switch
    {
        "00:" or "0A:" or "(XEN) (d1)" or "(d12)" => stamp is "none" or "uptime" or "uptime-caller",
        "kernel:" when layer.EndsWith(' ') => stamp is "none" or "uptime" or "uptime-caller",
        "kernel:" => stamp is "uptime" or "uptime-caller",
        _ when stamp.StartsWith("kernel-tag", StringComparison.Ordinal) => layer.Trim().Length == 0 || layer.TrimEnd().EndsWith('>'),
        _ => true,
    };

    private static LogLine Single(string raw) => Assert.Single(LineReader.Read(new MemoryStream(Encoding.Latin1.GetBytes(raw))));
}
