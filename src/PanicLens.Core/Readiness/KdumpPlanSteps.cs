namespace PanicLens.Readiness;

/// <summary>The kdump plan table, in the order the steps must be done; each host gets the rows that apply to it.</summary>
public static class KdumpPlanSteps
{
    private static readonly string[] Rhel = KdumpPlanTemplate.Rhel;
    private static readonly string[] DebianLike = KdumpPlanTemplate.DebianLike;

    public static readonly KdumpPlanTemplate[] All =
    [
        // 1. Packages.
        new(["rhel6", "rhel7"], null, "Install the kdump tooling", ["yum install -y kexec-tools"], "kexec-tools carries kdumpctl/mkdumprd and makedumpfile."),
        new(["rhel8", "rhel9"], null, "Install the kdump tooling", ["dnf install -y kexec-tools"], "kexec-tools carries kdumpctl/mkdumprd and makedumpfile (kdump-utils from RHEL 10)."),
        new(["debian"], null, "Install the kdump tooling", ["DEBIAN_FRONTEND=noninteractive apt-get install -y kdump-tools makedumpfile kexec-tools"], "kdump-tools carries kdump-config and the capture initramfs hook."),
        new(["ubuntu"], null, "Install the kdump tooling", ["DEBIAN_FRONTEND=noninteractive apt-get install -y linux-crashdump"], "linux-crashdump pulls kdump-tools, makedumpfile and crash."),
        new(["suse"], null, "Install the kdump tooling", ["zypper install -y kdump makedumpfile"], "SUSE's kdump package carries kdumptool and mkdumprd."),
        new(["*"], true, "Check the hypervisor can kexec on a Dom0 crash", ["xl info | grep -E 'xen_(major|minor|extra)'", "kexec --version   # needs >= 2.0.5 built with libxenctrl"],
            "Xen before 4.4 never kexecs on a Dom0 crash (it prints 'Domain 0 crashed' and halts or reboots); 4.4+ with kexec-tools >= 2.0.5 loads the image into Xen."),

        // 2. Reserve memory on the boot line.
        new(["rhel6"], false, "Reserve crash kernel memory on the kernel line", ["grubby --update-kernel=ALL --args=\"crashkernel={size}\"", "grep crashkernel /boot/grub/grub.conf"],
            "The capture kernel runs from memory reserved at boot; RHEL 6's crashkernel=auto reserves nothing below 2 GB and little above."),
        new(["rhel7"], false, "Reserve crash kernel memory on the kernel line",
            ["sed -i 's/crashkernel=[^ \"]*//; s/^GRUB_CMDLINE_LINUX=\"/&crashkernel={size} /' /etc/default/grub", "grub2-mkconfig -o /boot/grub2/grub.cfg   # UEFI: /boot/efi/EFI/redhat/grub.cfg", "grubby --update-kernel=ALL --args=\"crashkernel={size}\""],
            "The capture kernel runs from memory reserved at boot; /etc/default/grub keeps it for future kernels."),
        new(["rhel8", "rhel9"], false, "Reserve crash kernel memory on the kernel line", ["grubby --update-kernel=ALL --args=\"crashkernel={size}\"", "grubby --info=DEFAULT | grep crashkernel"],
            "The capture kernel runs from memory reserved at boot; grubby edits every BLS entry (`kdumpctl estimate` refines the size on RHEL 8.4+)."),
        new(DebianLike, false, "Reserve crash kernel memory on the kernel line",
            ["echo 'GRUB_CMDLINE_LINUX_DEFAULT=\"$GRUB_CMDLINE_LINUX_DEFAULT crashkernel={size}\"' > /etc/default/grub.d/kdump-tools.cfg", "update-grub"],
            "The capture kernel runs from memory reserved at boot; a grub.d snippet survives package updates of /etc/default/grub."),
        new(["suse"], false, "Reserve crash kernel memory on the kernel line",
            ["sed -i 's/^GRUB_CMDLINE_LINUX_DEFAULT=\"/&crashkernel={size} /' /etc/default/grub", "grub2-mkconfig -o /boot/grub2/grub.cfg"],
            "The capture kernel runs from memory reserved at boot."),
        new(["rhel6"], true, "Reserve crash kernel memory on the hypervisor (xen.gz) line",
            ["vi /boot/grub/grub.conf   # on the `kernel /xen...gz` line add: crashkernel={size}@64M (not on the `module /vmlinuz` line)"],
            "Xen reserves the crash region from its own command line; a crashkernel= on Dom0's module line only reserves Dom0 pseudo-physical memory Xen cannot use."),
        new(["rhel7", "rhel8", "rhel9", "suse"], true, "Reserve crash kernel memory on the hypervisor (xen.gz) line",
            ["sed -i 's/^GRUB_CMDLINE_XEN_DEFAULT=\"/&crashkernel={size}@64M /' /etc/default/grub   # add the line if absent", "grub2-mkconfig -o /boot/grub2/grub.cfg", "grep -A3 multiboot /boot/grub2/grub.cfg | grep crashkernel"],
            "Xen reserves the crash region from its own command line (GRUB_CMDLINE_XEN*), not Dom0's (GRUB_CMDLINE_LINUX*)."),
        new(DebianLike, true, "Reserve crash kernel memory on the hypervisor (xen.gz) line",
            ["echo 'GRUB_CMDLINE_XEN_DEFAULT=\"$GRUB_CMDLINE_XEN_DEFAULT crashkernel={size}@64M\"' > /etc/default/grub.d/xen-crashkernel.cfg", "update-grub", "grep -A3 multiboot /boot/grub/grub.cfg | grep crashkernel"],
            "Xen reserves the crash region from its own command line (GRUB_CMDLINE_XEN*), not Dom0's (GRUB_CMDLINE_LINUX*)."),

        // 3. Where the dump goes and how it is filtered.
        new(["rhel6"], false, "Set the dump target and filtering", ["printf 'path /var/crash\\ncore_collector makedumpfile -c --message-level 1 -d 31\\n' >> /etc/kdump.conf"],
            "-d 31 keeps kernel pages only (what crash needs); the dump then takes a fraction of RAM."),
        new(["rhel7", "rhel8", "rhel9"], false, "Set the dump target and filtering", ["printf 'path /var/crash\\ncore_collector makedumpfile -l --message-level 7 -d 31\\n' >> /etc/kdump.conf"],
            "-d 31 keeps kernel pages only (what crash needs); check free space on /var/crash of at least a quarter of RAM."),
        new(Rhel, true, "Set the dump target and filtering", ["printf 'path /var/crash\\ncore_collector makedumpfile -c -X -d 31\\n' >> /etc/kdump.conf"],
            "The capture kernel sees all machine memory; -X drops every DomU's pages and keeps Xen and Dom0."),
        new(DebianLike, null, "Set the dump target and filtering", ["sed -i 's/^#\\?USE_KDUMP=.*/USE_KDUMP=1/; s/^#\\?KDUMP_COREDIR=.*/KDUMP_COREDIR=\"\\/var\\/crash\"/; s/^#\\?MAKEDUMP_ARGS=.*/MAKEDUMP_ARGS=\"-c -d 31\"/' /etc/default/kdump-tools"],
            "USE_KDUMP=1 is what makes kdump-tools load the capture kernel; -d 31 keeps kernel pages only."),
        new(["suse"], null, "Set the dump target and filtering", ["sed -i 's|^KDUMP_SAVEDIR=.*|KDUMP_SAVEDIR=\"file:///var/crash\"|; s/^KDUMP_DUMPLEVEL=.*/KDUMP_DUMPLEVEL=\"31\"/' /etc/sysconfig/kdump"],
            "Dump level 31 keeps kernel pages only."),

        // 4. Make an oops reach kdump.
        new(["rhel6"], null, "Make every oops a dump", ["echo 'kernel.panic_on_oops = 1' >> /etc/sysctl.conf", "sysctl -p"],
            "Without it an oops in process context kills only the task and leaves a tainted kernel running: no dump."),
        new(KdumpPlanTemplate.Systemd, null, "Make every oops a dump", ["echo 'kernel.panic_on_oops = 1' > /etc/sysctl.d/90-kdump-oops.conf", "sysctl --system"],
            "Without it an oops in process context kills only the task and leaves a tainted kernel running: no dump."),

        // 5. Enable the service.
        new(["rhel6"], null, "Enable the service at boot", ["chkconfig kdump on"], "The service loads the crash kernel (kexec -p) at every boot."),
        new(["rhel7", "rhel8", "rhel9", "suse"], null, "Enable the service at boot", ["systemctl enable kdump"], "The service loads the crash kernel (kexec -p) at every boot."),
        new(DebianLike, null, "Enable the service at boot", ["systemctl enable kdump-tools"], "The service loads the crash kernel (kexec -p) at every boot."),

        // 6. Reboot, then verify.
        new(["*"], null, "Drain the host and reboot", ["# migrate or stop its workloads first", "reboot"], "The memory reservation only takes effect at boot."),
        new(["rhel6"], null, "Verify kdump is armed", ["cat /sys/kernel/kexec_crash_size   # > 0", "cat /sys/kernel/kexec_crash_loaded   # 1", "service kdump status", "paniclens check"],
            "\"Configured\" is not \"will dump\": the kernel must report memory reserved and an image loaded."),
        new(["rhel7", "rhel8", "rhel9"], null, "Verify kdump is armed", ["cat /sys/kernel/kexec_crash_size   # > 0", "cat /sys/kernel/kexec_crash_loaded   # 1", "kdumpctl status", "paniclens check"],
            "\"Configured\" is not \"will dump\": the kernel must report memory reserved and an image loaded."),
        new(DebianLike, null, "Verify kdump is armed", ["cat /sys/kernel/kexec_crash_size   # > 0", "cat /sys/kernel/kexec_crash_loaded   # 1", "kdump-config show   # 'current state: ready to kdump'", "paniclens check"],
            "\"Configured\" is not \"will dump\": the kernel must report memory reserved and an image loaded."),
        new(["suse"], null, "Verify kdump is armed", ["cat /sys/kernel/kexec_crash_size   # > 0", "cat /sys/kernel/kexec_crash_loaded   # 1", "systemctl status kdump", "paniclens check"],
            "\"Configured\" is not \"will dump\": the kernel must report memory reserved and an image loaded."),
        new(["*"], true, "Verify the hypervisor holds the crash region", ["xl dmesg | grep -i -E 'kexec|crash'", "grep 'Crash kernel' /proc/iomem"],
            "On Xen the region and the image live in the hypervisor; Dom0's sysfs files may not show them."),

        // 7. Test on a drained host.
        new(["rhel9"], null, "Test once, on a drained host", ["kdumpctl test   # crashes the host and records the result for `kdumpctl status`"],
            "Only a real crash proves a vmcore is written; kdumpctl test records the outcome."),
        new(["rhel6", "rhel7", "rhel8", "debian", "ubuntu", "suse"], null, "Test once, on a drained host", ["echo 1 > /proc/sys/kernel/sysrq", "echo c > /proc/sysrq-trigger   # crashes the host NOW"],
            "Only a real crash proves a vmcore is written; watch the serial console while it runs."),
        new(["*"], true, "Test the hypervisor path too", ["# on the serial console: press CTRL-a three times, then C"],
            "Xen's 'C' debug key triggers a crash dump; ' * no crash kernel loaded!' means kdump is not armed."),

        // 8. Where the vmcore lands.
        new(Rhel, null, "Find the vmcore after the reboot", ["ls -l /var/crash/*/vmcore /var/crash/*/vmcore-dmesg.txt"],
            "RHEL writes /var/crash/<ip>-<date>/vmcore and vmcore-dmesg.txt (the kernel log, readable without debuginfo)."),
        new(DebianLike, null, "Find the vmcore after the reboot", ["ls -l /var/crash/*/dump.* /var/crash/*/dmesg.*"],
            "kdump-tools writes /var/crash/<YYYYmmddHHMM>/dump.<ts> and dmesg.<ts>."),
        new(["suse"], null, "Find the vmcore after the reboot", ["ls -l /var/crash/*/vmcore /var/crash/*/dmesg.txt"],
            "SUSE kdump writes /var/crash/<date>/vmcore."),
    ];
}
