namespace PanicLens.Analysis;

/// <summary>
/// The kernel's poison values (include/linux/poison.h, lib/spinlock_debug.c, include/linux/err.h). On 64-bit
/// kernels pointer poisons carry POISON_POINTER_DELTA (0xdead000000000000 on x86_64 and arm64) so they are never
/// mappable. First matching row wins, so exact values come before byte patterns.
/// </summary>
public static class PoisonValues
{
    private const string ListPoison = "a list poison (LIST_POISON1/2): list_del() writes it into the next/prev pointers of an entry it removes, so the code walked or deleted a list entry that had already been removed (a use-after-free or double list_del).";

    public static readonly PoisonValue[] All =
    [
        // include/linux/err.h: the top 4095 values are ERR_PTR(-errno); the errno is decoded by the classifier.
        new("err-ptr", 0xfffffffffffff000, 0xfffffffffffff000, 64, "an ERR_PTR() value: a function returned an error code instead of a pointer and the caller used it without IS_ERR()."),
        new("err-ptr", 0xfffff000, 0xfffff000, 32, "an ERR_PTR() value: a function returned an error code instead of a pointer and the caller used it without IS_ERR()."),
        // Older kernels: LIST_POISON1 0x00100100, LIST_POISON2 0x00200200 (+ POISON_POINTER_DELTA).
        new("list-poison", 0xdead000000100100, 0xffffffffffffff00, 64, ListPoison),
        new("list-poison", 0xdead000000200200, 0xffffffffffffff00, 64, ListPoison),
        // Newer kernels: LIST_POISON1 0x100, LIST_POISON2 0x122 (+ POISON_POINTER_DELTA).
        new("list-poison", 0xdead000000000100, 0xffffffffffffff00, 64, ListPoison),
        new("list-poison", 0x00100100, 0xffffff00, 32, ListPoison),
        new("list-poison", 0x00200200, 0xffffff00, 32, ListPoison),
        // An 8-byte load from a debug raw_spinlock reads {raw_lock, magic}: the magic lands in the high half.
        new("spinlock-magic", 0xdead4ead00000000, 0xffffffff00000000, 64, "SPINLOCK_MAGIC (0xdead4ead) in the high half of a pointer: 8 bytes read from a debug spinlock (lock word, then magic) were used as a pointer, so the code is looking at the wrong structure or at memory reused for another object."),
        new("pointer-poison", 0xdead000000000000, 0xffff000000000000, 64, "a poisoned pointer (POISON_POINTER_DELTA plus a small value: hlist, timer or other deleted-object poison): the object was removed or freed and then used."),
        // lib/spinlock_debug.c: SPINLOCK_MAGIC and RWLOCK_MAGIC are the first word of a debug spinlock.
        new("spinlock-magic", 0x00000000dead4ead, 0x00000000ffffffff, 0, "SPINLOCK_MAGIC (0xdead4ead), the magic word of a debug spinlock, used as a pointer: the code read a pointer where a spinlock lives, so it is looking at the wrong structure or at memory reused for another object."),
        new("rwlock-magic", 0x00000000deaf1eed, 0x00000000ffffffff, 0, "RWLOCK_MAGIC (0xdeaf1eed), a debug rwlock's magic word, used as a pointer: wrong structure or reused memory."),
        // mm/slab.c redzone words.
        new("slab-redzone", 0x09f911029d74e35b, 0xffffffffffffffff, 64, "RED_INACTIVE, the SLAB redzone word of a free object: the pointer came out of a freed object's redzone."),
        new("slab-redzone", 0xd84156c5635688c0, 0xffffffffffffffff, 64, "RED_ACTIVE, the SLAB redzone word of an allocated object: the pointer was read past the end of an object."),
        new("slab-poison-free", 0x6b6b6b6b6b6b0000, 0xffffffffffff0000, 64, "POISON_FREE (0x6b bytes): slab debugging fills freed objects with 0x6b, so this pointer was read from an object after it was freed: use-after-free."),
        new("slab-poison-free", 0x6b6b0000, 0xffff0000, 32, "POISON_FREE (0x6b bytes): slab debugging fills freed objects with 0x6b, so this pointer was read from an object after it was freed: use-after-free."),
        new("slab-poison-inuse", 0x5a5a5a5a5a5a0000, 0xffffffffffff0000, 64, "POISON_INUSE (0x5a bytes): slab debugging fills new objects with 0x5a, so this pointer was read from an allocated object before anything was stored there: uninitialised memory."),
        new("slab-poison-inuse", 0x5a5a0000, 0xffff0000, 32, "POISON_INUSE (0x5a bytes): slab debugging fills new objects with 0x5a, so this pointer was read from an allocated object before anything was stored there: uninitialised memory."),
        new("slab-poison-end", 0xa5a5a5a5a5a50000, 0xffffffffffff0000, 64, "0xa5 bytes (POISON_END marks the end of a poisoned slab object; some allocators and drivers fill with 0xa5): the pointer was read from poisoned, freed or never-initialised memory."),
        new("slab-poison-end", 0xa5a50000, 0xffff0000, 32, "0xa5 bytes (POISON_END marks the end of a poisoned slab object; some allocators and drivers fill with 0xa5): the pointer was read from poisoned, freed or never-initialised memory."),
        new("slub-redzone", 0xcccccccccccc0000, 0xffffffffffff0000, 64, "0xcc bytes (SLUB_RED_ACTIVE redzone, or POISON_FREE_INITMEM over freed __init memory): the pointer was read past an object's end or from freed init code/data."),
        new("slub-redzone", 0xbbbbbbbbbbbb0000, 0xffffffffffff0000, 64, "0xbb bytes (SLUB_RED_INACTIVE, the redzone of a free SLUB object): the pointer was read around a freed object."),
        new("page-poison", 0xaaaaaaaaaaaa0000, 0xffffffffffff0000, 64, "0xaa bytes (PAGE_POISON, page poisoning of freed pages): the pointer was read from a page after it was freed."),
    ];
}
