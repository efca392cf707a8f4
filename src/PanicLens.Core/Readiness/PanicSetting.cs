namespace PanicLens.Readiness;

/// <summary>A panic-policy sysctl and what each setting means for getting a dump versus staying up.</summary>
/// <param name="Key">Dotted sysctl name.</param>
/// <param name="Off">Meaning when 0.</param>
/// <param name="On">Meaning when non-zero.</param>
public sealed record PanicSetting(string Key, string Off, string On)
{
    public static readonly PanicSetting[] All =
    [
        new("kernel.panic_on_oops",
            "an oops in process context kills only that task: no dump, the kernel runs on tainted (an oops in interrupt context panics anyway)",
            "every oops panics: kdump captures it; without kdump the host goes down"),
        new("kernel.softlockup_panic",
            "a soft lockup only prints a warning: no dump",
            "a soft lockup panics: a dump of the stuck CPU"),
        new("kernel.hung_task_panic",
            "a task blocked past hung_task_timeout_secs only prints its stack",
            "a hung task panics: a dump of the stuck I/O, at the cost of the host"),
        new("kernel.panic_on_warn",
            "WARN() prints a trace and continues",
            "every WARN() panics: dumps for warnings, rarely wanted in production"),
        new("kernel.unknown_nmi_panic",
            "an unknown NMI (e.g. `ipmitool chassis power diag`) only logs 'Uhhuh. NMI received'",
            "an unknown NMI panics: a hung host can be dumped from the BMC"),
        new("kernel.panic_on_io_nmi",
            "an I/O-check NMI is logged and the host continues",
            "an I/O-check NMI panics: a dump at the moment of the bus error"),
    ];
}
