namespace PanicLens.Analysis;

/// <summary>
/// Where kernel virtual addresses point, per architecture and era. x86_64 follows
/// Documentation/arch/x86/x86_64/mm.rst (the 4.20 shift of the direct map to ffff888000000000 made room for
/// the PTI LDT remap; 4.20 release candidates still show the old base, so the old row runs until 5.0); since 4.8 CONFIG_RANDOMIZE_MEMORY may move the direct map, vmalloc and vmemmap bases,
/// which <see cref="AddressClassifier"/> says when it applies. First matching row wins.
/// </summary>
public static class AddressRegions
{
    private const string DirectMap = "a direct-map address: the kernel's linear mapping of all physical memory, so this points into RAM that the kernel addresses through a pointer (slab objects, page-cache pages, network buffers).";

    public static readonly AddressRegion[] All =
    [
        // 5-level paging (LA57) rows: consulted only when a page fault reports an address 4-level paging cannot produce.
        new("user", "x86_64", 0x0000800000000000, 0x00ffffffffffffff, "a user-space address (5-level layout) touched by the kernel outside the uaccess helpers.") { FiveLevel = true },
        new("direct-map", "x86_64", 0xff11000000000000, 0xff90ffffffffffff, DirectMap) { FiveLevel = true },
        new("vmalloc", "x86_64", 0xffa0000000000000, 0xffd1ffffffffffff, "a vmalloc/ioremap address (5-level layout): vmalloc()ed memory, module data or a device's registers mapped with ioremap().") { FiveLevel = true },
        new("vmemmap", "x86_64", 0xffd4000000000000, 0xffd5ffffffffffff, "the vmemmap (struct page array, 5-level layout): a struct page pointer.") { FiveLevel = true },
        new("kasan-shadow", "x86_64", 0xffdf000000000000, 0xfffffbffffffffff, "KASAN shadow memory (5-level layout).") { FiveLevel = true },
        new("null-offset", "any", 0x0, 0xffff, "a NULL pointer plus a small offset: the code read a field of a structure through a pointer that was NULL (the offset is the field's position)."),
        new("user", "x86_64", 0x10000, 0x00007fffffffffff, "a user-space address touched by the kernel outside copy_from_user()/copy_to_user() (or with SMAP blocking it): a pointer that should have been a kernel one, or a user pointer used directly."),
        new("non-canonical", "x86_64", 0x0000800000000000, 0xffff7fffffffffff, "a non-canonical address: on x86_64 (4-level paging) bits 63..47 must all equal bit 47, so the CPU raises a general protection fault instead of a page fault; typical of a corrupted or poisoned pointer."),
        new("hypervisor", "x86_64", 0xffff800000000000, 0xffff87ffffffffff, "the guard hole reserved for the hypervisor (Xen maps itself here in PV guests): no kernel pointer should point here."),
        new("direct-map", "x86_64", 0xffff880000000000, 0xffffc7ffffffffff, DirectMap) { Until = "5.0" },
        new("ldt-remap", "x86_64", 0xffff880000000000, 0xffff887fffffffff, "the PTI LDT remap area of the 4.20+ layout (the direct map moved up to ffff888000000000 during 4.20, so on a tree built before that change this is still the direct map): almost nothing lives here, so a pointer here is stale or computed from a bad base.") { Since = "5.0" },
        new("direct-map", "x86_64", 0xffff888000000000, 0xffffc87fffffffff, DirectMap) { Since = "4.20" },
        new("vmalloc", "x86_64", 0xffffc90000000000, 0xffffe8ffffffffff, "a vmalloc/ioremap address: vmalloc()ed memory (large tables, BPF programs, stacks with VMAP_STACK) or device registers mapped with ioremap(); a fault here is an unmapped vmalloc page, often a freed vmalloc area or a stack guard page."),
        new("vmemmap", "x86_64", 0xffffea0000000000, 0xffffeaffffffffff, "the vmemmap (the struct page array): the pointer is a struct page, so a page was looked up for a bad physical address or a freed page was reused."),
        new("kasan-shadow", "x86_64", 0xffffec0000000000, 0xfffffbffffffffff, "KASAN shadow memory: the kernel was checking an access and the shadow of the checked address is unmapped, so the checked address itself is wild."),
        new("cpu-entry-area", "x86_64", 0xfffffe0000000000, 0xfffffe7fffffffff, "the cpu_entry_area (per-CPU entry stacks and GDT, 4.15 and later).") { Since = "4.15" },
        new("espfix", "x86_64", 0xffffff0000000000, 0xffffff7fffffffff, "the %esp fixup stacks used when returning to 16-bit segments."),
        new("efi", "x86_64", 0xffffffef00000000, 0xfffffffeffffffff, "the EFI runtime services mapping: a firmware call touched memory the firmware did not map."),
        new("kernel-text", "x86_64", 0xffffffff80000000, 0xffffffff9fffffff, "the kernel image (text, data, bss): a static kernel variable or function; a write fault here hit read-only kernel data."),
        new("module", "x86_64", 0xffffffffa0000000, 0xffffffffff5fffff, "module space: a loaded module's code or data, or one that was unloaded (a stale pointer into an unloaded module); with KASLR the kernel image may also reach up to ffffffffbfffffff."),
        new("fixmap", "x86_64", 0xffffffffff600000, 0xffffffffffffffff, "the fixmap/vsyscall area at the top of the address space."),
        new("hole", "x86_64", 0xffff800000000000, 0xffffffffffffffff, "an unused hole of the x86_64 kernel address space: nothing is mapped here, so the pointer is corrupted (a truncated or sign-extended 32-bit value, or a base plus a garbage offset)."),
        new("user", "i386", 0x10000, 0xbfffffff, "a user-space address (with the default 3G/1G split) touched by the kernel outside copy_from_user()/copy_to_user()."),
        new("direct-map", "i386", 0xc0000000, 0xf7ffffff, "lowmem, the i386 kernel's direct mapping of the first ~896 MB of RAM (default 3G/1G split): slab objects and kernel data."),
        new("vmalloc", "i386", 0xf8000000, 0xffbfffff, "vmalloc/module/pkmap space on i386: vmalloc()ed memory, module code and data, or a kmap()ed highmem page."),
        new("fixmap", "i386", 0xffc00000, 0xffffffff, "the fixmap area at the top of the i386 address space."),
        new("user", "arm64", 0x10000, 0x0000ffffffffffff, "a user-space address touched by the kernel outside the uaccess helpers (PAN blocks that): a user pointer used directly, or a kernel pointer that lost its top bits."),
        new("direct-map", "arm64", 0xffff000000000000, 0xffff7fffffffffff, "the arm64 linear map (48-bit VA, 5.4 and later): the kernel's mapping of all RAM (slab objects, page-cache pages).") { Since = "5.4" },
        new("vmalloc", "arm64", 0xffff800000000000, 0xfffffbffffffffff, "arm64 kernel image, modules and vmalloc space (48-bit VA, 5.4 and later).") { Since = "5.4" },
        new("vmemmap-io", "arm64", 0xfffffc0000000000, 0xffffffffffffffff, "the top of the arm64 kernel range (48-bit VA, 5.4 and later): vmemmap (struct pages), the PCI I/O port window and the fixmap; a fault here is a bad struct page or an I/O port with no device behind it.") { Since = "5.4" },
        new("vmalloc", "arm64", 0xffff000000000000, 0xffff7fffffffffff, "arm64 modules, kernel image, vmalloc and vmemmap space (48-bit VA, before 5.4).") { Until = "5.4" },
        new("direct-map", "arm64", 0xffff800000000000, 0xffffffffffffffff, "the arm64 linear map (48-bit VA, before 5.4): the kernel's mapping of all RAM.") { Until = "5.4" },
        new("non-canonical", "arm64", 0x0001000000000000, 0xfffeffffffffffff, "an address outside both arm64 translation ranges (user below 2^48, kernel at the top): a corrupted or poisoned pointer (unless a tag or pointer authentication code was left in its top bits)."),
    ];
}
