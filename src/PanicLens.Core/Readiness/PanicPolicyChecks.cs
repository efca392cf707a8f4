using PanicLens.Localization;

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
            null => Sentences.Get("panic.delay.unknown"),
            0 => Sentences.Get("panic.delay.halt"),
            < 0 => Sentences.Get("panic.delay.now"),
            _ => Sentences.Format("panic.delay.after", panicDelay),
        });
        readAny |= panicDelay is not null;
        foreach (var setting in PanicSetting.All)
        {
            var value = host.SysctlInt(setting.Key);
            readAny |= value is not null;
            evidence.Add(host.ShowSysctl(setting.Key) + (value is null ? "" : " → " + Sentences.Translate(value == 0 ? setting.Off : setting.On)));
        }
        if (!readAny)
            return new(id, CheckStatus.Unknown, evidence, Sentences.Get("fix.panicpolicy.1"));
        if (host.SysctlInt("kernel.panic_on_oops") == 0)
            fixes.Add(Sentences.Get("fix.panic.oops"));
        if (host.SysctlInt("kernel.panic_on_warn") == 1)
            fixes.Add(Sentences.Get("fix.panic.warn"));
        if (panicDelay == 0 && host.CrashKernelLoaded != true && !host.XenDom0)
            fixes.Add(Sentences.Get("fix.panic.halt"));
        return new(id, fixes.Count == 0 ? CheckStatus.Pass : CheckStatus.Warn, evidence, string.Join(Sentences.Get("sentence.space"), fixes));
    }
}
