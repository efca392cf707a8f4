namespace PanicLens.Readiness;

/// <summary>A sysctl the host facts record, with why it matters.</summary>
public sealed record SysctlKey(string Key, string Why)
{
    /// <summary>Sysctls read from every host; known issues add the ones their <c>host:</c> section names.</summary>
    public static readonly SysctlKey[] Read =
    [
        new("kernel.panic", "seconds before rebooting after a panic; 0 = stay halted with the last console output"),
        new("kernel.panic_on_oops", "1 turns every oops into a panic, so kdump captures it instead of the kernel limping on"),
        new("kernel.softlockup_panic", "1 panics (and dumps) on a soft lockup instead of only warning"),
        new("kernel.hung_task_panic", "1 panics (and dumps) when a task is blocked longer than hung_task_timeout_secs"),
        new("kernel.hung_task_timeout_secs", "how long a task may block before the hung-task report"),
        new("kernel.panic_on_warn", "1 panics on any WARN(); dumps every warning, which is rarely wanted in production"),
        new("kernel.unknown_nmi_panic", "1 panics on an unknown NMI, so a BMC 'power diag' NMI produces a dump of a hung host"),
        new("kernel.panic_on_io_nmi", "1 panics on an I/O-check NMI (hardware-reported bus errors)"),
        new("kernel.panic_on_unrecovered_nmi", "1 panics on an unrecovered (memory parity) NMI"),
        new("kernel.printk", "console_loglevel and friends: which messages reach the serial/netconsole"),
        new("kernel.sysrq", "SysRq bitmask: 'c' (crash) is needed to test kdump from the console"),
        new("kernel.kexec_load_disabled", "1 forbids loading a new kexec/crash kernel until reboot"),
        new("net.ipv6.conf.all.disable_ipv6", "runtime IPv6 switch; removes addresses but not AF_INET6 sockets"),
        new("net.ipv6.bindv6only", "1 makes new AF_INET6 sockets V6ONLY (no IPv4-mapped connections)"),
    ];
}
