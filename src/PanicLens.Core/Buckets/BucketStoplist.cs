namespace PanicLens.Buckets;

/// <summary>
/// Helper functions that crash on behalf of their callers: a bad pointer handed to memcpy or a corrupted list seen by
/// list_del says nothing about which bug passed it. When the guilty frame is one of these, the `domain` key adds the
/// first caller that is not, so two bugs that both end in memcpy do not share a bucket. Prefix rows end in `*`.
/// </summary>
public static class BucketStoplist
{
    public static readonly string[] Functions =
    [
        // string and memory primitives (lib/string.c, arch/x86/lib/memcpy_64.S)
        "memcpy", "__memcpy", "memmove", "__memmove", "memset", "__memset", "memcmp", "bcmp", "memchr",
        "strlen", "strnlen", "strcmp", "strncmp", "strcpy", "strncpy", "strscpy", "strlcpy", "strchr", "strstr",
        "sprintf", "snprintf", "vsnprintf", "string", "number",
        // user copies (arch/x86/lib/copy_user_64.S, lib/usercopy.c)
        "copy_user_*", "_copy_to_user", "_copy_from_user", "copy_to_user", "copy_from_user", "__copy_user*",
        "copy_page", "clear_page*", "rep_movs_alternative",
        // list debugging and refcounts report a corruption made elsewhere (lib/list_debug.c, lib/refcount.c)
        "__list_add", "__list_add_valid*", "__list_del_entry_valid*", "__list_del_entry", "list_del", "list_add",
        "refcount_warn_saturate", "refcount_inc", "refcount_dec*",
        // allocators: the object was corrupted or freed by someone else (mm/slub.c, mm/slab.c)
        "kfree", "kmem_cache_free", "kmem_cache_alloc*", "__kmalloc*", "kmalloc*", "__slab_free", "slab_free*",
        "___slab_alloc", "__slab_alloc", "kfree_skb*", "consume_skb", "__kfree_skb", "skb_release_data", "put_page",
        // locking primitives (kernel/locking/)
        "_raw_spin_lock*", "_raw_read_lock*", "_raw_write_lock*", "do_raw_spin_lock", "queued_spin_lock_slowpath",
        "native_queued_spin_lock_slowpath", "mutex_lock*", "__mutex_lock*", "down_read*", "down_write*",
    ];

    private static readonly HashSet<string> Exact = new(Functions.Where(f => !f.EndsWith('*')), StringComparer.Ordinal);
    private static readonly string[] Prefixes = [.. Functions.Where(f => f.EndsWith('*')).Select(f => f[..^1])];

    public static bool Contains(string normalizedFunction)
    {
        if (Exact.Contains(normalizedFunction))
            return true;
        foreach (var prefix in Prefixes)
            if (normalizedFunction.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        return false;
    }
}
