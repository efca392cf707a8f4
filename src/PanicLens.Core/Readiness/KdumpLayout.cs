namespace PanicLens.Readiness;

/// <summary>Where one distribution family keeps its kdump configuration, service and capture initramfs.</summary>
/// <param name="Family">The family this row describes.</param>
/// <param name="ConfigFiles">Configuration files; the tooling is installed when the first exists.</param>
/// <param name="Services">systemd unit names (and SysV script names without .service).</param>
/// <param name="Initramfs">Capture initramfs paths; {0} is the kernel release.</param>
/// <param name="DefaultPath">Where vmcores land when the config does not say.</param>
/// <param name="DefaultCollector">The core collector used when the config does not name one.</param>
/// <param name="TestStatusFile">Where the tooling records the last `kdumpctl test`, if it does.</param>
public sealed record KdumpLayout(
    DistroFamily Family,
    string[] ConfigFiles,
    string[] Services,
    string[] Initramfs,
    string DefaultPath,
    string DefaultCollector,
    string? TestStatusFile)
{
    public static readonly KdumpLayout[] All =
    [
        // kexec-tools (RHEL 5-9) / kdump-utils (RHEL 10): kdumpctl, mkdumprd; /var/lib/kdump when /boot is read-only.
        new(DistroFamily.Rhel,
            ["/etc/kdump.conf", "/etc/sysconfig/kdump"],
            ["kdump"],
            ["/boot/initramfs-{0}kdump.img", "/boot/initrd-{0}kdump.img", "/var/lib/kdump/initramfs-{0}kdump.img"],
            "/var/crash",
            "makedumpfile -l --message-level 7 -d 31",
            "/var/lib/kdump/vmcore-creation.status"),
        // kdump-tools (Debian, Ubuntu): kdump-config; the capture initrd is built per kernel under /var/lib/kdump.
        new(DistroFamily.Debian,
            ["/etc/default/kdump-tools"],
            ["kdump-tools"],
            ["/var/lib/kdump/initrd.img-{0}"],
            "/var/crash",
            "makedumpfile -c -d 31",
            null),
        // SUSE kdump: /etc/sysconfig/kdump read by kdumptool; initrd built by mkdumprd.
        new(DistroFamily.Suse,
            ["/etc/sysconfig/kdump"],
            ["kdump"],
            ["/boot/initrd-{0}-kdump"],
            "/var/crash",
            "makedumpfile -d 31",
            null),
    ];

    /// <summary>The family's layout; an unknown family is probed with the RHEL layout but keeps its Unknown family.</summary>
    public static KdumpLayout For(DistroFamily family) =>
        Array.Find(All, l => l.Family == family) ?? All[0] with { Family = family };
}
