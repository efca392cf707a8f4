namespace PanicLens.Cli.Tests.Rendering;

/// <summary>
/// `analyze` puts the answer first: the seed's first screen is pinned (Cases/xen-dom0-inet-diag.first-screen.txt;
/// PANICLENS_UPDATE_GOLDEN=1 rewrites it after a reviewed change) and its first 40 lines hold the facts an on-call
/// engineer acts on.
/// </summary>
public sealed class FirstScreenTests
{
    private static readonly string Seed = RepoPaths.Example("xen-dom0-inet-diag.log");

    public static string GoldenPath(string name) => Path.Combine(RepoPaths.Root, "tests", "PanicLens.Cli.Tests", "Rendering", "Cases", name);

    /// <summary>The first screen of the first report: its lines up to the blank line before the details.</summary>
    public static List<string> FirstScreenOf(string stdout)
    {
        // The seed is named by its absolute path; the golden file holds the path from the repository root.
        var lines = stdout.Replace(Seed, "examples/xen-dom0-inet-diag.log").ReplaceLineEndings("\n").Split('\n');
        return lines.TakeWhile(line => line.Length > 0).ToList();
    }

    internal static void AssertGolden(string name, IReadOnlyList<string> lines)
    {
        var actual = string.Join("\n", lines) + "\n";
        var path = GoldenPath(name);
        if (Environment.GetEnvironmentVariable("PANICLENS_UPDATE_GOLDEN") == "1")
            File.WriteAllText(path, actual);
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void The_seed_first_screen_matches_the_golden_file()
    {
        var run = CliRun.Invoke("analyze", Seed);

        Assert.Equal(0, run.ExitCode);
        AssertGolden("xen-dom0-inet-diag.first-screen.txt", FirstScreenOf(run.Stdout));
    }

    [Fact]
    public void The_first_40_lines_hold_title_trigger_register_address_known_issue_fix_and_first_mitigation()
    {
        var run = CliRun.Invoke("analyze", Seed);
        var screen = FirstScreenOf(run.Stdout);
        var top = string.Join("\n", run.Stdout.ReplaceLineEndings("\n").Split('\n').Take(40));

        Assert.InRange(screen.Count, 10, 40);
        Assert.All(screen, line => Assert.InRange(line.Length, 0, 100));
        Assert.Contains("BUG: unable to handle kernel paging request in ipv6_addr_copy", top);
        Assert.Contains("trigger       `ss` (pid 29755) sent a sock_diag/inet_diag netlink request", top);
        Assert.Contains("bad register  rsi = ffff8802ea75bb00", top);
        Assert.Contains("bad address   ffff8802ea75bb00 (direct-map)", top);
        Assert.Contains("inet_diag oops dumping IPv4 SYN-RECV requests of an AF_INET6 listener", top);
        Assert.Contains("fix: \"inet_diag: fix oops for IPv4 AF_INET6 TCP SYN-RECV state\", in v3.8", top);
        Assert.Contains("1. no reboot    partly removes  Stop `ss` from dumping SYN-RECV sockets", top);
        Assert.Contains("hypervisor    host halted, needs a power cycle", top);
        Assert.Contains("panic         Fatal exception in interrupt", top);
    }

    [Fact]
    public void The_seed_first_screen_in_chinese_matches_its_golden_file_from_lang_and_from_LANG()
    {
        var byOption = CliRun.Invoke("analyze", "--lang", "zh-CN", Seed);
        var byLocale = CliRun.WithEnvironment(new Dictionary<string, string> { ["LANG"] = "zh_CN.UTF-8" }, "analyze", Seed);

        Assert.Equal(0, byOption.ExitCode);
        Assert.Equal(byOption.Stdout, byLocale.Stdout);
        AssertGolden("xen-dom0-inet-diag.first-screen.zh-CN.txt", FirstScreenOf(byOption.Stdout));
    }

    [Fact]
    public void The_chinese_first_40_lines_hold_the_same_facts_in_chinese()
    {
        var run = CliRun.Invoke("analyze", "--lang", "zh-CN", Seed);
        var screen = FirstScreenOf(run.Stdout);
        var top = string.Join("\n", run.Stdout.ReplaceLineEndings("\n").Split('\n').Take(40));

        Assert.InRange(screen.Count, 10, 40);
        Assert.All(screen, line => Assert.InRange(PanicLens.Cli.Rendering.TextWrap.Columns(line), 0, 100));
        // The title keeps the syzbot convention; every sentence around it is Chinese.
        Assert.Contains("BUG: unable to handle kernel paging request in ipv6_addr_copy", top);
        Assert.Contains("触发经过      `ss`（pid 29755）发出了 sock_diag/inet_diag netlink 请求", top);
        Assert.Contains("坏寄存器      rsi = ffff8802ea75bb00", top);
        Assert.Contains("坏地址        ffff8802ea75bb00 (direct-map)", top);
        Assert.Contains("已知问题      inet_diag 在转储 AF_INET6 监听套接字上的 IPv4 SYN-RECV 请求时 oops", top);
        Assert.Contains("修复：\"inet_diag: fix oops for IPv4 AF_INET6 TCP SYN-RECV state\"，v3.8 起包含", top);
        Assert.Contains("1. 无需重启     部分消除        不让 `ss` 转储 SYN-RECV 套接字", top);
        Assert.Contains("hypervisor    主机已停机，需要断电重启", top);
        Assert.DoesNotContain("The oops happened", top);
    }

    [Fact]
    public void Details_fold_question_frames_show_the_panic_path_repeat_once_and_mark_the_guilty_frame()
    {
        var details = CliRun.Invoke("analyze", Seed).Stdout;

        Assert.Contains("> ipv6_addr_copy+0x9/0x19 [inet_diag]  <- guilty frame", details);
        Assert.Contains("27 `?` frames folded", details);
        Assert.Contains("then the trace of line 26 again", details);
        Assert.DoesNotContain("? xen_force_evtchn_callback", details);
        // The task's frames appear once, not again after the panic path's page_fault.
        Assert.Equal(1, Count(details, "inet_diag_rcv_msg+0x164/0x393"));
        Assert.Equal(1, Count(details, "panic+0xe0/0x19f"));
        Assert.Contains(">>    0  48 8b 06", details);
        Assert.Contains("P: a proprietary (non-GPL) module is loaded", details);
        Assert.Contains("$ rmmod tcp_diag inet_diag", details);
        Assert.DoesNotContain("RSI    ffff8802ea75bb00", details);
        Assert.Contains("RSI    ffff8802ea75bb00", CliRun.Invoke("analyze", "--registers", Seed).Stdout);
    }

    [Fact]
    public void Full_prints_every_frame_as_read()
    {
        var full = CliRun.Invoke("analyze", "--full", Seed).Stdout;

        Assert.StartsWith("── report 1 · ", full);
        Assert.Contains("  type        MEMORY_SAFETY_BUG", full);
        Assert.Equal(2, Count(full, "inet_diag_rcv_msg+0x164/0x393"));
    }

    [Fact]
    public void Brief_prints_one_line_per_report()
    {
        var log = File.ReadAllText(Seed) + "[ 9.0] WARNING: CPU: 1 PID: 7 at kernel/x.c:12 other_fn+0x1/0x2\n[ 9.0] Call Trace:\n[ 9.0]  caller_fn+0x3/0x4\n";

        var run = CliRun.WithStdin(log, "analyze", "--brief", "-");

        var lines = run.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("-:1-127 · BUG: unable to handle kernel paging request in ipv6_addr_copy · inet-diag-ipv4-synrecv-on-ipv6-listener · host halted, needs a power cycle; no vmcore", lines[0]);
        Assert.StartsWith("-:128-", lines[1]);
        Assert.Contains("WARNING in caller_fn · - · -", lines[1]);
    }

    [Fact]
    public void Several_reports_start_with_a_summary_table()
    {
        var log = File.ReadAllText(Seed) + "[ 9.0] WARNING: CPU: 1 PID: 7 at kernel/x.c:12 other_fn+0x1/0x2\n[ 9.0] Call Trace:\n[ 9.0]  caller_fn+0x3/0x4\n";

        var lines = CliRun.WithStdin(log, "analyze", "-").Stdout.ReplaceLineEndings("\n").Split('\n');

        Assert.Equal("2 crash reports", lines[0]);
        Assert.Matches(@"^\s+1\s+1-127\s+BUG: unable to handle kernel paging request in ipv6_a\S*\s+inet-diag-ipv4-synrec", lines[2]);
        Assert.Matches(@"^\s+2\s+128-\d+\s+WARNING in caller_fn\s+-$", lines[3]);
        Assert.StartsWith("── report 1 of 2 · ", lines[5]);
    }

    [Fact]
    public void Full_and_brief_together_are_a_usage_error()
    {
        var run = CliRun.Invoke("analyze", "--full", "--brief", Seed);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--full and --brief", run.Stderr);
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            n++;
        return n;
    }
}
