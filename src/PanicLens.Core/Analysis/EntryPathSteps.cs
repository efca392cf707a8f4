namespace PanicLens.Analysis;

/// <summary>
/// Landmark frames that say how a crash was reached. The innermost frame with a headline names the request;
/// every landmark appears in the path shown to the reader. Function names are compared after compiler
/// suffixes (`.isra.0`, `.constprop.1`, `.part.2`, `.cold`) are dropped.
/// </summary>
public static class EntryPathSteps
{
    private const string SockDiag = "sent a sock_diag/inet_diag netlink request (a socket listing, as `ss` makes)";

    public static readonly EntryPathStep[] All =
    [
        // net/netlink/af_netlink.c: every netlink request enters through netlink_sendmsg().
        new("netlink_sendmsg", "sent a netlink message", null),
        new("netlink_dump", null, "building the next part of a netlink dump"),
        // net/ipv4/inet_diag.c, net/core/sock_diag.c: `ss`, and monitoring agents, list sockets this way.
        new("inet_diag_rcv", SockDiag, null),
        new("inet_diag_rcv_msg", SockDiag, null),
        new("sock_diag_rcv", SockDiag, null),
        new("sock_diag_rcv_msg", SockDiag, null),
        new("inet_diag_dump", null, "walking the socket tables for the dump"),
        new("inet_diag_dump_icsk", null, "walking the socket tables for the dump"),
        new("inet_diag_fill_req", null, "filling a reply for a half-open (SYN-RECV) connection"),
        new("ipv6_addr_copy", null, "copying an IPv6 address"),
        new("rtnetlink_rcv_msg", "sent an rtnetlink request (link, address or route configuration, as `ip` makes)", null),
        new("genl_rcv_msg", "sent a generic-netlink request", null),
        new("nfnetlink_rcv_msg", "sent a netfilter netlink request (nft, conntrack, ipset)", null),
        new("xfrm_user_rcv_msg", "sent an XFRM (IPsec) netlink request", null),
        new("do_vfs_ioctl", "issued an ioctl", null),
        new("vfs_ioctl", "issued an ioctl", null),
        new("drm_ioctl", "issued a DRM (graphics) ioctl", null),
        new("blkdev_ioctl", "issued a block-device ioctl", null),
        new("kvm_vcpu_ioctl", "ran a KVM guest vCPU", null),
        new("vfs_read", "read from a file", null),
        new("vfs_write", "wrote to a file", null),
        new("do_sys_open", "opened a file", null),
        new("do_filp_open", "opened a file", null),
        new("do_mount", "mounted a filesystem", null),
        new("path_mount", "mounted a filesystem", null),
        new("do_execve", "executed a program", null),
        new("do_execveat_common", "executed a program", null),
        new("do_exit", "was exiting", null),
        new("tcp_sendmsg", "sent data on a TCP socket", null),
        new("udp_sendmsg", "sent a UDP datagram", null),
        new("tcp_recvmsg", "received data from a TCP socket", null),
        new("inet_stream_connect", "connected a socket", null),
        new("sock_setsockopt", "set a socket option", null),
        new("do_ip_setsockopt", "set an IPv4 socket option", null),
        new("do_ipv6_setsockopt", "set an IPv6 socket option", null),
        new("bpf_prog_load", "loaded a BPF program", null),
        new("handle_mm_fault", "took a page fault", null),
        new("process_one_work", "ran queued work (a workqueue item)", null),
        new("net_rx_action", "received network packets (NET_RX softirq)", null),
        new("ip_rcv", "processed a received IPv4 packet", null),
        new("ipv6_rcv", "processed a received IPv6 packet", null),
        new("tcp_v4_rcv", "delivered a TCP segment", null),
        new("run_timer_softirq", "ran an expired timer", null),
        new("rcu_do_batch", "ran RCU callbacks (deferred frees)", null),
        new("blk_done_softirq", "completed block I/O", null),
        new("memcpy", null, "copying memory"),
        new("__memcpy", null, "copying memory"),
        new("memset", null, "filling memory"),
        new("strlen", null, "measuring a string"),
        new("strcmp", null, "comparing strings"),
        new("copy_user_generic_unrolled", null, "copying to or from user space"),
        new("__list_del_entry", null, "removing an entry from a list"),
        new("list_del", null, "removing an entry from a list"),
        new("kfree", null, "freeing memory"),
        new("kmem_cache_free", null, "freeing memory"),
        new("__kmalloc", null, "allocating memory (the allocator's free list is corrupted: an earlier overflow or use-after-free)"),
        new("kmem_cache_alloc", null, "allocating memory (the allocator's free list is corrupted: an earlier overflow or use-after-free)"),
        new("_raw_spin_lock", null, "taking a spinlock (inside an object that may be freed)"),
        new("mutex_lock", null, "taking a mutex (inside an object that may be freed)"),
    ];

    public static EntryPathStep? Find(string function)
    {
        foreach (var row in All)
        {
            if (row.Function == function)
                return row;
        }
        return null;
    }
}
