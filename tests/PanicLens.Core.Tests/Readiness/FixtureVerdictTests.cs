using PanicLens.Readiness;

namespace PanicLens.Core.Tests.Readiness;

/// <summary>The verdict of every readiness item on each fixture host, pinned.</summary>
public sealed class FixtureVerdictTests
{
    private const CheckStatus Pass = CheckStatus.Pass, Warn = CheckStatus.Warn, Fail = CheckStatus.Fail;

    /// <summary>Expected verdicts; a check missing from a host's row must not run there (Xen items off Xen).</summary>
    private static readonly Dictionary<string, Dictionary<string, CheckStatus>> Expected = new()
    {
        // The seed's Xen 4.0.1 Dom0: no crashkernel anywhere, kdump off in chkconfig, noreboot, hvc0 -> com1.
        ["seed-xen-dom0"] = new()
        {
            ["kdump.reserved"] = Fail, ["kdump.loaded"] = Fail, ["kdump.service"] = Fail, ["kdump.target"] = Pass,
            ["kdump.initramfs"] = Fail, ["kdump.filter"] = Warn, ["kdump.lockdown"] = Pass, ["kdump.lasttest"] = Warn,
            ["panic.policy"] = Pass, ["oob.serial"] = Pass, ["oob.netconsole"] = Warn, ["oob.printk"] = Pass,
            ["xen.crashkernel"] = Fail, ["xen.kexec"] = Fail, ["xen.reboot"] = Warn,
        },
        // RHEL 7 with crashkernel=256M, kdump loaded and enabled, a vmcore from a past test, netconsole loaded.
        ["rhel7-kdump"] = new()
        {
            ["kdump.reserved"] = Pass, ["kdump.loaded"] = Pass, ["kdump.service"] = Pass, ["kdump.target"] = Pass,
            ["kdump.initramfs"] = Pass, ["kdump.filter"] = Pass, ["kdump.lockdown"] = Pass, ["kdump.lasttest"] = Pass,
            ["panic.policy"] = Pass, ["oob.serial"] = Pass, ["oob.netconsole"] = Pass, ["oob.printk"] = Pass,
        },
        // Ubuntu 22.04 as installed: no kdump-tools, quiet, secure boot with lockdown, panic_on_oops=0.
        ["ubuntu2204-nokdump"] = new()
        {
            ["kdump.reserved"] = Fail, ["kdump.loaded"] = Fail, ["kdump.service"] = Fail, ["kdump.target"] = Fail,
            ["kdump.initramfs"] = Fail, ["kdump.filter"] = Fail, ["kdump.lockdown"] = Warn, ["kdump.lasttest"] = Warn,
            ["panic.policy"] = Warn, ["oob.serial"] = Warn, ["oob.netconsole"] = Warn, ["oob.printk"] = Warn,
        },
        // RHEL 9: memory reserved and service enabled, but nothing loaded; kdump.conf edited after the initramfs.
        ["rhel9-notloaded"] = new()
        {
            ["kdump.reserved"] = Pass, ["kdump.loaded"] = Fail, ["kdump.service"] = Pass, ["kdump.target"] = Warn,
            ["kdump.initramfs"] = Warn, ["kdump.filter"] = Pass, ["kdump.lockdown"] = Pass, ["kdump.lasttest"] = Warn,
            ["panic.policy"] = Warn, ["oob.serial"] = Pass, ["oob.netconsole"] = Warn, ["oob.printk"] = Pass,
        },
    };

    public static TheoryData<string> Hosts() => new(Expected.Keys);

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Every_item_gets_its_pinned_verdict(string host)
    {
        using var fixture = new HostFixture(host);
        var report = fixture.Inspect();
        var got = report.Checks.ToDictionary(c => c.Id, c => c.Status);
        var want = Expected[host];
        var diffs = want.Where(w => !got.TryGetValue(w.Key, out var g) || g != w.Value)
            .Select(w => $"{w.Key}: want {w.Value}, got {(got.TryGetValue(w.Key, out var g) ? g : "not run")} — {string.Join(" | ", report.Checks.FirstOrDefault(c => c.Id == w.Key)?.Evidence ?? [])}")
            .Concat(got.Keys.Except(want.Keys).Select(k => $"{k}: ran but is not expected on {host}"))
            .ToList();
        Assert.True(diffs.Count == 0, string.Join("\n", diffs));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Every_verdict_other_than_pass_says_how_to_fix_it_and_every_evidence_line_names_a_path(string host)
    {
        using var fixture = new HostFixture(host);
        foreach (var check in fixture.Inspect().Checks)
        {
            Assert.True(check.Status == CheckStatus.Pass || check.Fix.Length > 0, $"{check.Id} has no fix");
            Assert.NotEmpty(check.Evidence);
            Assert.Contains(check.Evidence, e => e.Contains('/'));
        }
    }

    [Fact]
    public void The_required_check_ids_all_run_on_the_seed_host()
    {
        using var fixture = new HostFixture("seed-xen-dom0");
        var ids = fixture.Inspect().Checks.Select(c => c.Id).ToHashSet();
        foreach (var id in (string[])["kdump.reserved", "kdump.loaded", "kdump.service", "kdump.target", "panic.policy", "oob.serial", "oob.netconsole", "xen.crashkernel", "xen.reboot"])
            Assert.Contains(id, ids);
    }
}
