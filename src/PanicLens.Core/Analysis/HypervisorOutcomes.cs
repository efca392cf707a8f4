using PanicLens.Localization;
namespace PanicLens.Analysis;

/// <summary>
/// What the hypervisor's last lines mean for the host (Xen: xen/common/shutdown.c, xen/drivers/char/console.c,
/// docs/misc/xen-command-line.pandoc). The last recognised line of a report decides.
/// </summary>
public static class HypervisorOutcomes
{
    public static readonly HypervisorOutcome[] All =
    [
        new("crashed: 'noreboot' set - not rebooting", "host halted, needs a power cycle; no vmcore", "Dom0 crashed and no crash kernel took over (Xen before 4.4 never tries; later Xen had none loaded); because the hypervisor was booted with `noreboot`, Xen halted the machine to keep the console: the host stays down until someone power-cycles it (IPMI/iLO/BMC), and no vmcore was written."),
        new("crashed: rebooting machine in 5 seconds", "host rebooted by Xen after 5 s; no vmcore", "Dom0 crashed and no crash kernel took over; Xen reboots the host after 5 seconds. This is not a dump being cut short: nothing was being written."),
        new("Executing crash image", "crash kernel started; a vmcore should follow", "Xen is jumping into the loaded kdump kernel: expect capture-kernel boot messages and a vmcore."),
        new("Manual reset required ('noreboot' specified)", "hypervisor panicked; host halted, needs a power cycle", "The hypervisor itself panicked and, booted with `noreboot`, waits for a manual reset: the host stays down until someone power-cycles it."),
        new("Reboot in five seconds", "hypervisor panicked; host rebooted", "The hypervisor itself panicked and reboots the host in five seconds."),
        new("no crash kernel loaded", "no crash kernel loaded; no vmcore", "A crash dump was requested but no crash kernel is loaded: kdump is not armed on this host."),
        new("Domain 0 shutdown: rebooting machine", "orderly reboot, not a crash", "Dom0 asked for an orderly reboot (not a crash)."),
        new("Domain 0 halted: halting machine", "orderly power-off, not a crash", "Dom0 asked for an orderly power-off (not a crash)."),
        new("watchdog rebooting machine", "host rebooted by the domain watchdog", "The domain watchdog fired and Xen reboots the host."),
        new("Watchdog timer detects that CPU", "hypervisor hang: host down", "Xen's NMI watchdog found a physical CPU stuck: a hypervisor-level hang, fatal."),
        new("Fatal machine check", "hardware fault: host down", "The hypervisor handled a fatal machine check: a hardware fault."),
        new("Panic on CPU", "hypervisor panicked: host and every guest down", "The hypervisor itself panicked: every guest on the host went down with it."),
    ];

    public static HypervisorFinding? Find(IReadOnlyList<string> lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            foreach (var row in All)
            {
                if (lines[i].Contains(row.Contains, StringComparison.Ordinal))
                    return new HypervisorFinding(Sentences.Translate(row.Outcome), lines[i]) { Effect = Sentences.Translate(row.Effect) };
            }
        }
        return null;
    }
}
