using System.Globalization;
using PanicLens.Model;

namespace PanicLens.Core.Tests.Analysis;

/// <summary>Crash reports built by hand with the values real logs printed (sources named per report).</summary>
internal static class TestReports
{
    /// <summary>`Code:` text as the kernel prints it → bytes with the marked one found (x86 bytes or arm64 words).</summary>
    public static CodeBytes Code(string text)
    {
        var bytes = new List<byte>();
        var fault = -1;
        var wordSize = 1;
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.Trim('<', '>', '(', ')');
            if (token != raw)
                fault = bytes.Count;
            wordSize = token.Length / 2;
            var value = uint.Parse(token, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            for (var b = 0; b < wordSize; b++)
                bytes.Add((byte)(value >> (8 * b)));
        }
        return new CodeBytes([.. bytes], fault, wordSize, text);
    }

    public static CrashReport Empty(string message) => new()
    {
        Source = "test.log",
        StartLine = 1,
        EndLine = 1,
        Lines = [],
        Message = message,
    };

    /// <summary>The seed: ../shared/seed/xen-dom0-crash-note.zh.md (Xen Dom0, 2.6.32.36-xen, `ss` in ipv6_addr_copy).</summary>
    public static CrashReport Seed()
    {
        var report = Empty("BUG: unable to handle kernel paging request at ffff8802ea75bb00");
        report.Kind = "paging-request";
        report.Arch = "x86_64";
        report.Kernel = "2.6.32.36-xen";
        report.Taint = "P        W";
        report.FaultAddress = "ffff8802ea75bb00";
        report.OopsCode = "0000";
        report.OopsCount = 1;
        report.PageTableWalk = "PGD 1002067 PUD 53b5067 PMD 5509067 PTE 0";
        report.Process = new ProcessInfo("ss", 29755);
        report.Cpu = 0;
        report.Ip = new Frame("ipv6_addr_copy", "9", "19", "inet_diag", true);
        report.Function = "ipv6_addr_copy";
        report.Module = "inet_diag";
        report.Panic = "Fatal exception in interrupt";
        report.Hypervisor.Add("(XEN) Domain 0 crashed: 'noreboot' set - not rebooting.");
        Registers(report, "RAX: 0000000000000000 RBX: ffff88000f2eab68 RCX: 0000000e43924da9 RDX: ffff88047f036ec0 RSI: ffff8802ea75bb00 "
            + "RDI: ffff88000f2eab70 RBP: ffff88005b77d8e8 R08: 0000000000000000 R09: 0000000000000000 R10: 000000000001e240 "
            + "R11: 000000000000743b R12: ffff8802ea74d480 R13: ffff88000f2eab58 R14: ffff880281382a20 R15: ffff88044cc58000 "
            + "CR0: 000000008005003b CR2: ffff8802ea75bb00 CR3: 00000004568ae000 CR4: 0000000000002660");
        report.Code = Code("46 08 88 d0 44 8b 45 c8 45 29 e0 49 63 c8 f3 aa 48 83 c4 18 48 89 f0 5b 41 5c 41 5d 41 5e 41 5f c9 c3 55 48 89 e5 0f 1f 44 00 00 <48> 8b 06 48 89 07 48 8b 46 08 48 89 47 08 c9 c3 55 48 89 e5 0f");
        foreach (var name in new[] { "xen_blkback_28", "inet_diag", "tcp_diag", "hotfix_info(P)", "ipv6", "cciss" })
        {
            var open = name.IndexOf('(', StringComparison.Ordinal);
            report.Modules.Add(open < 0 ? new ModuleEntry(name, null) : new ModuleEntry(name[..open], name[(open + 1)..^1]));
        }
        report.Stacks.Add(new CallTrace(StackKind.Task, Frames(
            "inet_diag_dump+0x3c8/0x7ca [inet_diag]", "? alloc_skb+0x13/0x15", "netlink_dump+0x60/0x1a3", "netlink_dump_start+0xd8/0xf1",
            "inet_diag_rcv_msg+0x164/0x393 [inet_diag]", "netlink_rcv_skb+0x43/0x93", "inet_diag_rcv+0x2c/0x3c [inet_diag]",
            "netlink_unicast+0xef/0x156", "netlink_sendmsg+0x24a/0x25d", "__sock_sendmsg+0x5e/0x67", "sock_sendmsg+0xcc/0xe5",
            "? verify_iovec+0x54/0x9f", "sys_sendmsg+0x1e6/0x255", "? sock_map_fd+0x62/0x70", "system_call_fastpath+0x16/0x1b")));
        return report;
    }

    /// <summary>../shared/corpus/production/abrt-oops-32bit-graphics.log: i386 4.0.3, NULL+8 in radeon_audio_detect.</summary>
    public static CrashReport RadeonI386()
    {
        var report = Empty("BUG: unable to handle kernel NULL pointer dereference at 00000008");
        report.Arch = "i386";
        report.Kernel = "4.0.3-201.fc21.i686+PAE";
        report.FaultAddress = "00000008";
        report.OopsCode = "0000";
        report.Process = new ProcessInfo("plymouthd", 222);
        report.Ip = new Frame("radeon_audio_detect", "54", "140", "radeon", true) { Address = "f83f9f24" };
        Registers(report, "EAX: f6884240 EBX: f339dc00 ECX: 00000000 EDX: 00000000 ESI: f3364320 EDI: f681c000 EBP: f33b9d14 ESP: f33b9d04 "
            + "CR0: 80050033 CR2: 00000008 CR3: 33209000 CR4: 000007f0");
        report.Code = Code("44 8b 93 0c 02 00 00 8b 02 8b b2 20 01 00 00 8b 78 18 8b 86 e4 00 00 00 85 c0 74 29 83 7d f0 01 74 35 8b 50 10 8b 8f 70 1c 00 00 <8b> 59 08 85 db 74 0c 89 f8 31 c9 ff d3 8b 86 e4 00 00 00 c7 40");
        report.Stacks.Add(new CallTrace(StackKind.Task, Frames(
            "radeon_dvi_detect+0x2d8/0x4b0 [radeon]", "drm_helper_probe_single_connector_modes+0x17/0x20 [drm_kms_helper]",
            "drm_mode_getconnector+0x28d/0x320 [drm]", "drm_ioctl+0x1f5/0x560 [drm]", "radeon_drm_ioctl+0x3e/0x70 [radeon]",
            "do_vfs_ioctl+0x322/0x540", "SyS_ioctl+0x60/0x90", "sysenter_do_call+0x12/0x12")));
        return report;
    }

    public static void Registers(CrashReport report, string dump)
    {
        var parts = dump.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < parts.Length; i += 2)
            report.Registers[parts[i].TrimEnd(':')] = parts[i + 1];
    }

    public static List<Frame> Frames(params string[] lines)
    {
        var frames = new List<Frame>();
        foreach (var line in lines)
        {
            var reliable = !line.StartsWith("? ", StringComparison.Ordinal);
            var text = reliable ? line : line[2..];
            string? module = null;
            var bracket = text.IndexOf(" [", StringComparison.Ordinal);
            if (bracket > 0)
            {
                module = text[(bracket + 2)..^1];
                text = text[..bracket];
            }
            var plus = text.IndexOf('+', StringComparison.Ordinal);
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            frames.Add(new Frame(text[..plus], text[(plus + 3)..slash], text[(slash + 3)..], module, reliable));
        }
        return frames;
    }
}
