namespace PanicLens.Readiness;

/// <summary>What happens after a panic or oops: does it reach kdump, and does the host come back.</summary>
public static class PanicPolicyChecks
{
    public static CheckResult Policy(HostContext host)
    {
        const string id = "panic.policy";
        var evidence = new List<string>();
        var fixes = new List<string>();
        var readAny = false;
        var panicDelay = host.SysctlInt("kernel.panic");
        evidence.Add(host.ShowSysctl("kernel.panic") + " → " + panicDelay switch
        {
            null => "unknown",
            0 => "stays halted after a panic until someone power-cycles it (the console keeps the last words)",
            < 0 => "reboots at once after a panic",
            _ => $"reboots {panicDelay} s after a panic",
        });
        readAny |= panicDelay is not null;
        foreach (var setting in PanicSetting.All)
        {
            var value = host.SysctlInt(setting.Key);
            readAny |= value is not null;
            evidence.Add(host.ShowSysctl(setting.Key) + (value is null ? "" : " → " + (value == 0 ? setting.Off : setting.On)));
        }
        if (!readAny)
            return new(id, CheckStatus.Unknown, evidence, "Copy /proc/sys/kernel to read the panic policy.");
        if (host.SysctlInt("kernel.panic_on_oops") == 0)
            fixes.Add("Set kernel.panic_on_oops=1 (/etc/sysctl.d/) so an oops becomes a dump instead of a silently tainted kernel.");
        if (host.SysctlInt("kernel.panic_on_warn") == 1)
            fixes.Add("kernel.panic_on_warn=1 turns every WARN() into an outage; set it to 0 outside test hosts.");
        if (panicDelay == 0 && host.CrashKernelLoaded != true && !host.XenDom0)
            fixes.Add("With no crash kernel and kernel.panic=0 a panic halts the host for good; set kernel.panic=10 unless someone watches the console.");
        return new(id, fixes.Count == 0 ? CheckStatus.Pass : CheckStatus.Warn, evidence, string.Join(" ", fixes));
    }
}
