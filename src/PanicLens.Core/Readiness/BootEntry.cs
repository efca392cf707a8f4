namespace PanicLens.Readiness;

/// <summary>
/// The boot loader entry that boots the running kernel: on Xen the hypervisor line (<c>kernel /xen.gz ...</c> or
/// <c>multiboot2 /xen.gz ...</c>) and Dom0's kernel line (<c>module /vmlinuz-...</c>); elsewhere only the kernel line.
/// </summary>
/// <param name="ConfigPath">The boot loader file the entry came from.</param>
/// <param name="Title">The entry's title.</param>
/// <param name="XenLine">The hypervisor line's arguments, or null for a non-Xen entry.</param>
/// <param name="KernelLine">The Linux kernel line's arguments (after the image path), or null when absent.</param>
/// <param name="DefaultsPath">/etc/default/grub when it was read too (its GRUB_CMDLINE_* values are in the two lines below).</param>
/// <param name="DefaultsKernel">GRUB_CMDLINE_LINUX and GRUB_CMDLINE_LINUX_DEFAULT from /etc/default/grub.</param>
/// <param name="DefaultsXen">GRUB_CMDLINE_XEN and GRUB_CMDLINE_XEN_DEFAULT from /etc/default/grub.</param>
public sealed record BootEntry(
    string ConfigPath,
    string Title,
    string? XenLine,
    string? KernelLine,
    string? DefaultsPath = null,
    string? DefaultsKernel = null,
    string? DefaultsXen = null);
